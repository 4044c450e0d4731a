using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>Collects the workbook's distinct strings while sheets stream, then writes the shared string part.</summary>
internal sealed class SharedStrings
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CheckCharacters = true,
        CloseOutput = true,
    };

    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];
    private long _references;

    public int IndexOf(string value)
    {
        _references++;
        if (!_indexes.TryGetValue(value, out var index))
        {
            index = _values.Count;
            _indexes.Add(value, index);
            _values.Add(value);
        }

        return index;
    }

    public void WriteTo(SharedStringTablePart part)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("sst", SheetXmlWriter.MainNamespace);
        xml.WriteAttributeString("count", _references.ToString());
        xml.WriteAttributeString("uniqueCount", _values.Count.ToString());
        foreach (var value in _values)
        {
            xml.WriteStartElement("si", SheetXmlWriter.MainNamespace);
            WriteTextElement(xml, value);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteTextElement(XmlWriter xml, string value)
    {
        xml.WriteStartElement("t", SheetXmlWriter.MainNamespace);
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            xml.WriteAttributeString("xml", "space", null, "preserve");
        }

        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
