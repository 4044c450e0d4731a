using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>
/// Builds the fixed stylesheet both workbooks use; cell formats are addressed by <see cref="CellStyle"/>.
/// </summary>
internal static class StylesheetFactory
{
    private const uint CurrencyFormatId = 164;
    private const uint PriceFormatId = 165;
    private const uint PercentFormatId = 166;
    private const uint DateFormatId = 167;
    private const uint BuiltInInteger = 3;
    private const uint BuiltInTwoDecimals = 4;
    private const uint BuiltInText = 49;

    public static Stylesheet Create(string currency)
    {
        var code = CurrencyCode(currency);
        var numberingFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = CurrencyFormatId, FormatCode = $"#,##0.00\\ \"{code}\"" },
            new NumberingFormat { NumberFormatId = PriceFormatId, FormatCode = $"#,##0.0000\\ \"{code}\"" },
            new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy\\-mm\\-dd" })
        { Count = 4 };

        var fonts = new Fonts(
            Font(bold: false, size: 11),
            Font(bold: true, size: 11),
            Font(bold: true, size: 14))
        { Count = 3 };

        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(
                new ForegroundColor { Rgb = "FFFFF2CC" },
                new BackgroundColor { Indexed = 64 })
            { PatternType = PatternValues.Solid }))
        { Count = 3 };

        var borders = new Borders(new Border(
            new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()))
        { Count = 1 };

        var cellStyleFormats = new CellStyleFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 })
        { Count = 1 };

        var formats = new CellFormats(
            Format(0, font: 0),
            Format(0, font: 1),
            Format(BuiltInText, font: 0),
            Format(BuiltInText, font: 0, quotePrefix: true),
            Format(BuiltInInteger, font: 0),
            Format(BuiltInTwoDecimals, font: 0),
            Format(CurrencyFormatId, font: 0),
            Format(PriceFormatId, font: 0, fill: 2),
            Format(PercentFormatId, font: 0),
            Format(DateFormatId, font: 0),
            Format(0, font: 2),
            Format(0, font: 0, wrap: true),
            Format(BuiltInText, font: 0, wrap: true),
            Format(BuiltInText, font: 0, wrap: true, quotePrefix: true),
            Format(0, font: 1),
            Format(BuiltInTwoDecimals, font: 0, fill: 2));
        formats.Count = (uint)formats.ChildElements.Count;

        return new Stylesheet(
            numberingFormats,
            fonts,
            fills,
            borders,
            cellStyleFormats,
            formats,
            new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle
            {
                Name = "Normal",
                FormatId = 0,
                BuiltinId = 0,
            })
            { Count = 1 },
            new DifferentialFormats { Count = 0 },
            new TableStyles
            {
                Count = 0,
                DefaultTableStyle = "TableStyleMedium2",
                DefaultPivotStyle = "PivotStyleLight16",
            });
    }

    /// <summary>Keeps only letters of the currency code so it can sit inside a number format literal.</summary>
    public static string CurrencyCode(string currency)
    {
        var letters = new string([.. (currency ?? string.Empty).Where(char.IsAsciiLetter).Take(8)]).ToUpperInvariant();
        return letters.Length == 0 ? "USD" : letters;
    }

    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size });
        font.Append(new FontName { Val = "Calibri" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Format(uint numberFormat, uint font, uint fill = 0, bool wrap = false,
        bool quotePrefix = false)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = 0,
            FormatId = 0,
            ApplyNumberFormat = numberFormat != 0,
            ApplyFont = font != 0,
            ApplyFill = fill != 0,
        };
        if (quotePrefix)
        {
            format.QuotePrefix = true;
        }

        if (wrap)
        {
            format.ApplyAlignment = true;
            format.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
        }

        return format;
    }
}
