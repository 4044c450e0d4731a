using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>
/// Adds a native Excel line chart (a DrawingML chart part, no picture) to a worksheet. ClosedXML 0.95.4 has no
/// chart support, so the chart is built with the Open XML SDK.
/// </summary>
internal static class LineChartFactory
{
    private const uint CategoryAxisId = 48650112;
    private const uint ValueAxisId = 48672768;

    /// <summary>Creates the drawing and chart parts and returns the drawing's relationship id for the sheet.</summary>
    public static string AddTo(WorksheetPart sheet, LineChartSpec spec)
    {
        var drawings = sheet.AddNewPart<DrawingsPart>();
        var chartPart = drawings.AddNewPart<ChartPart>();
        chartPart.ChartSpace = BuildChartSpace(spec);
        chartPart.ChartSpace.Save();
        drawings.WorksheetDrawing = BuildDrawing(drawings.GetIdOfPart(chartPart), spec);
        drawings.WorksheetDrawing.Save();
        return sheet.GetIdOfPart(drawings);
    }

    private static C.ChartSpace BuildChartSpace(LineChartSpec spec)
    {
        var lineChart = new C.LineChart(
            new C.Grouping { Val = C.GroupingValues.Standard },
            new C.VaryColors { Val = false });
        for (var i = 0; i < spec.Series.Count; i++)
        {
            lineChart.Append(BuildSeries((uint)i, spec.Series[i], spec));
        }

        lineChart.Append(new C.ShowMarker { Val = true });
        lineChart.Append(new C.AxisId { Val = CategoryAxisId });
        lineChart.Append(new C.AxisId { Val = ValueAxisId });

        var plotArea = new C.PlotArea(new C.Layout(), lineChart, CategoryAxis(), ValueAxis(spec.ValueFormat));
        var chart = new C.Chart(
            new C.Title(
                new C.ChartText(new C.RichText(
                    new A.BodyProperties(),
                    new A.ListStyle(),
                    new A.Paragraph(new A.Run(new A.Text(spec.Title))))),
                new C.Overlay { Val = false }),
            new C.AutoTitleDeleted { Val = false },
            plotArea,
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        var chartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "en-US" },
            new C.RoundedCorners { Val = false },
            chart);
        chartSpace.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        chartSpace.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        chartSpace.AddNamespaceDeclaration("r", SheetXmlWriter.RelationshipNamespace);
        return chartSpace;
    }

    private static C.LineChartSeries BuildSeries(uint index, ChartSeries series, LineChartSpec spec)
    {
        var categories = new C.StringCache(new C.PointCount { Val = (uint)spec.Categories.Count });
        for (var i = 0; i < spec.Categories.Count; i++)
        {
            categories.Append(new C.StringPoint(new C.NumericValue(spec.Categories[i])) { Index = (uint)i });
        }

        var values = new C.NumberingCache(
            new C.FormatCode("General"),
            new C.PointCount { Val = (uint)series.Values.Count });
        for (var i = 0; i < series.Values.Count; i++)
        {
            values.Append(new C.NumericPoint(new C.NumericValue(
                series.Values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
            { Index = (uint)i });
        }

        return new C.LineChartSeries(
            new C.Index { Val = index },
            new C.Order { Val = index },
            new C.SeriesText(new C.StringReference(
                new C.Formula(series.NameReference),
                new C.StringCache(
                    new C.PointCount { Val = 1 },
                    new C.StringPoint(new C.NumericValue(series.Name)) { Index = 0 }))),
            new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 5 }),
            new C.CategoryAxisData(new C.StringReference(new C.Formula(spec.CategoriesReference), categories)),
            new C.Values(new C.NumberReference(new C.Formula(series.ValuesReference), values)),
            new C.Smooth { Val = false });
    }

    private static C.CategoryAxis CategoryAxis() => new(
        new C.AxisId { Val = CategoryAxisId },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
        new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = ValueAxisId },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
        new C.LabelOffset { Val = 100 },
        new C.NoMultiLevelLabels { Val = false });

    private static C.ValueAxis ValueAxis(string format) => new(
        new C.AxisId { Val = ValueAxisId },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Left },
        new C.MajorGridlines(),
        new C.NumberingFormat { FormatCode = format, SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = CategoryAxisId },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.CrossBetween { Val = C.CrossBetweenValues.Between });

    private static Xdr.WorksheetDrawing BuildDrawing(string chartRelationshipId, LineChartSpec spec)
    {
        var anchor = new Xdr.TwoCellAnchor(
            Marker(new Xdr.FromMarker(), spec.Anchor.Column, spec.Anchor.Row),
            Marker(new Xdr.ToMarker(), spec.Anchor.ToColumn, spec.Anchor.ToRow),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = 2, Name = spec.Title },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartRelationshipId })
                {
                    Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                }))
            { Macro = string.Empty },
            new Xdr.ClientData());

        var drawing = new Xdr.WorksheetDrawing(anchor);
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        return drawing;
    }

    private static T Marker<T>(T marker, int column, int row)
        where T : DocumentFormat.OpenXml.OpenXmlCompositeElement
    {
        marker.Append(
            new Xdr.ColumnId(column.ToString()),
            new Xdr.ColumnOffset("0"),
            new Xdr.RowId(row.ToString()),
            new Xdr.RowOffset("0"));
        return marker;
    }
}
