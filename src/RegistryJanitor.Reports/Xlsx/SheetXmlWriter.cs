using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>
/// Streams one worksheet part as SpreadsheetML, element by element, so a 100,000-row sheet never exists as an
/// object tree. Elements are written in the order the schema requires.
/// </summary>
internal sealed class SheetXmlWriter : IDisposable
{
    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string RelationshipNamespace =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CheckCharacters = true,
        CloseOutput = true,
    };

    private readonly Stream _stream;
    private readonly XmlWriter _xml;
    private readonly SharedStrings _strings;
    private int _row;
    private string _dimension = "A1";

    public SheetXmlWriter(WorksheetPart part, SharedStrings strings)
    {
        _stream = part.GetStream(FileMode.Create, FileAccess.Write);
        _xml = XmlWriter.Create(_stream, Settings);
        _strings = strings;
    }

    public static void WriteTextElement(XmlWriter xml, string value)
    {
        xml.WriteStartElement("t", MainNamespace);
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            xml.WriteAttributeString("xml", "space", null, "preserve");
        }

        xml.WriteString(value);
        xml.WriteEndElement();
    }

    public void Begin(SheetLayout layout)
    {
        _dimension = layout.Dimension;
        _xml.WriteStartDocument(standalone: true);
        _xml.WriteStartElement("worksheet", MainNamespace);
        _xml.WriteAttributeString("xmlns", "r", null, RelationshipNamespace);

        _xml.WriteStartElement("sheetPr", MainNamespace);
        _xml.WriteStartElement("pageSetUpPr", MainNamespace);
        _xml.WriteAttributeString("fitToPage", "1");
        _xml.WriteEndElement();
        _xml.WriteEndElement();

        _xml.WriteStartElement("dimension", MainNamespace);
        _xml.WriteAttributeString("ref", layout.Dimension);
        _xml.WriteEndElement();

        WriteSheetView(layout);

        _xml.WriteStartElement("sheetFormatPr", MainNamespace);
        _xml.WriteAttributeString("defaultRowHeight", "15");
        _xml.WriteEndElement();

        if (layout.ColumnWidths.Count > 0)
        {
            _xml.WriteStartElement("cols", MainNamespace);
            for (var i = 0; i < layout.ColumnWidths.Count; i++)
            {
                _xml.WriteStartElement("col", MainNamespace);
                _xml.WriteAttributeString("min", (i + 1).ToString());
                _xml.WriteAttributeString("max", (i + 1).ToString());
                _xml.WriteAttributeString("width", Number(Math.Round(layout.ColumnWidths[i], 2)));
                _xml.WriteAttributeString("customWidth", "1");
                _xml.WriteEndElement();
            }

            _xml.WriteEndElement();
        }

        _xml.WriteStartElement("sheetData", MainNamespace);
    }

    public void StartRow(int row)
    {
        if (row <= _row)
        {
            throw new InvalidOperationException($"Rows must ascend: row {row} after row {_row}.");
        }

        _row = row;
        _xml.WriteStartElement("row", MainNamespace);
        _xml.WriteAttributeString("r", row.ToString());
    }

    public void EndRow() => _xml.WriteEndElement();

    /// <summary>Writes any string as a text cell; see <see cref="CellText"/> for why this is safe.</summary>
    public void Text(int column, string? raw, bool wrap = false, CellStyle? style = null)
    {
        var safe = CellText.Prepare(raw);
        if (safe.Value.Length == 0 && style is null)
        {
            return;
        }

        var cellStyle = safe.NeedsQuotePrefix
            ? (wrap ? CellStyle.TextWrapQuoted : CellStyle.TextQuoted)
            : style ?? (wrap ? CellStyle.TextWrap : CellStyle.Text);
        StartCell(column, cellStyle, "s");
        _xml.WriteElementString("v", MainNamespace, _strings.IndexOf(safe.Value).ToString());
        _xml.WriteEndElement();
    }

    public void Number(int column, double? value, CellStyle style)
    {
        if (value is not { } number || !double.IsFinite(number))
        {
            return;
        }

        StartCell(column, style, type: null);
        _xml.WriteElementString("v", MainNamespace, Number(number));
        _xml.WriteEndElement();
    }

    /// <summary>Writes a formula (without the leading =) with its cached numeric result.</summary>
    public void Formula(int column, string formula, double cached, CellStyle style)
    {
        StartCell(column, style, type: null);
        _xml.WriteElementString("f", MainNamespace, formula);
        if (double.IsFinite(cached))
        {
            _xml.WriteElementString("v", MainNamespace, Number(cached));
        }

        _xml.WriteEndElement();
    }

    public void End(string? drawingRelationshipId, IReadOnlyList<string> tableRelationshipIds)
    {
        _xml.WriteEndElement();

        _xml.WriteStartElement("pageMargins", MainNamespace);
        _xml.WriteAttributeString("left", "0.5");
        _xml.WriteAttributeString("right", "0.5");
        _xml.WriteAttributeString("top", "0.75");
        _xml.WriteAttributeString("bottom", "0.75");
        _xml.WriteAttributeString("header", "0.3");
        _xml.WriteAttributeString("footer", "0.3");
        _xml.WriteEndElement();

        _xml.WriteStartElement("pageSetup", MainNamespace);
        _xml.WriteAttributeString("orientation", "landscape");
        _xml.WriteAttributeString("fitToWidth", "1");
        _xml.WriteAttributeString("fitToHeight", "0");
        _xml.WriteEndElement();

        _xml.WriteStartElement("headerFooter", MainNamespace);
        _xml.WriteElementString("oddFooter", MainNamespace, "&A — page &P of &N");
        _xml.WriteEndElement();

        // Tags such as 1.2 are text on purpose, and price references differ per row by design: no green triangles.
        _xml.WriteStartElement("ignoredErrors", MainNamespace);
        _xml.WriteStartElement("ignoredError", MainNamespace);
        _xml.WriteAttributeString("sqref", _dimension);
        _xml.WriteAttributeString("numberStoredAsText", "1");
        _xml.WriteAttributeString("calculatedColumn", "1");
        _xml.WriteEndElement();
        _xml.WriteEndElement();

        if (drawingRelationshipId is not null)
        {
            _xml.WriteStartElement("drawing", MainNamespace);
            _xml.WriteAttributeString("id", RelationshipNamespace, drawingRelationshipId);
            _xml.WriteEndElement();
        }

        if (tableRelationshipIds.Count > 0)
        {
            _xml.WriteStartElement("tableParts", MainNamespace);
            _xml.WriteAttributeString("count", tableRelationshipIds.Count.ToString());
            foreach (var id in tableRelationshipIds)
            {
                _xml.WriteStartElement("tablePart", MainNamespace);
                _xml.WriteAttributeString("id", RelationshipNamespace, id);
                _xml.WriteEndElement();
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
    }

    public void Dispose()
    {
        _xml.Dispose();
        _stream.Dispose();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private void StartCell(int column, CellStyle style, string? type)
    {
        _xml.WriteStartElement("c", MainNamespace);
        _xml.WriteAttributeString("r", CellReference.Cell(column, _row));
        if (style != CellStyle.Default)
        {
            _xml.WriteAttributeString("s", ((uint)style).ToString());
        }

        if (type is not null)
        {
            _xml.WriteAttributeString("t", type);
        }
    }

    private void WriteSheetView(SheetLayout layout)
    {
        _xml.WriteStartElement("sheetViews", MainNamespace);
        _xml.WriteStartElement("sheetView", MainNamespace);
        if (layout.Selected)
        {
            _xml.WriteAttributeString("tabSelected", "1");
        }

        _xml.WriteAttributeString("workbookViewId", "0");
        if (layout.FrozenRows > 0)
        {
            var topLeft = CellReference.Cell(1, layout.FrozenRows + 1);
            _xml.WriteStartElement("pane", MainNamespace);
            _xml.WriteAttributeString("ySplit", layout.FrozenRows.ToString());
            _xml.WriteAttributeString("topLeftCell", topLeft);
            _xml.WriteAttributeString("activePane", "bottomLeft");
            _xml.WriteAttributeString("state", "frozen");
            _xml.WriteEndElement();
            _xml.WriteStartElement("selection", MainNamespace);
            _xml.WriteAttributeString("pane", "bottomLeft");
            _xml.WriteAttributeString("activeCell", topLeft);
            _xml.WriteAttributeString("sqref", topLeft);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }
}
