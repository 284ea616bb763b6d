using Nlc.Core.Benchmarking;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>
/// The "Summary" sheet of an assessment report: overall index and completeness, a pillar table with a radar chart of
/// the pillars, and a practice table; with peer quartiles beside each score when given.
/// </summary>
internal static class SummarySheet
{
    public static void Write(WorkbookBuilder workbook, Rubric rubric, ScoreResult score, ReportHeading heading, string language, PeerStatistics? peers)
    {
        var scale = rubric.Scale;
        var sheet = workbook.AddSheet(WorkbookNames.SummarySheet);
        sheet.Protected = true;
        double[] widths = [44, 10, 22, 10, 10, 10, 34];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Width(i, widths[i]);
        }

        sheet.Text(0, 1, $"{heading.CityName}: {rubric.Title.Get(language)}", WorkbookStyles.Title);
        var about = $"Self-assessment report for the period {heading.Period}"
            + (heading.Country is null ? "" : $", {heading.Country}")
            + (heading.AssessmentId is null ? "" : $", assessment {heading.AssessmentId}")
            + (heading.Status is null ? "" : $" ({heading.Status})");
        sheet.Text(0, 2, about);
        sheet.Text(0, 3, $"Rubric {rubric.Id} {rubric.Version} ({rubric.ContentHash}).", WorkbookStyles.Small);
        sheet.Text(0, 4, "Scores run from 0 to 100, computed by the toolkit and shown rounded to one decimal. An empty score means nothing applicable was answered there.", WorkbookStyles.Small);

        var overallLevel = ReportValues.LevelReached(score.Overall, scale);
        sheet.Text(0, 6, "Overall index", WorkbookStyles.Label);
        sheet.Number(1, 6, ReportValues.Round(score.Overall), WorkbookStyles.BigScore);
        sheet.Text(2, 6, ReportValues.LevelLabel(overallLevel, scale, language));
        if (peers?.Bands?.Overall is { } overallBands)
        {
            sheet.Text(3, 6, $"Peer median in the {Band(overallBands.Median)} band (middle half from the {Band(overallBands.Q1)} to the {Band(overallBands.Q3)} band)");
        }
        else if (peers?.Overall is { } overallPeers)
        {
            sheet.Text(3, 6, ReportValues.Invariant($"Peer median {ReportValues.Round(overallPeers.Median):0.0} (middle half {ReportValues.Round(overallPeers.Q1):0.0} to {ReportValues.Round(overallPeers.Q3):0.0})"));
        }

        var completeness = score.Completeness;
        var choices = new AnswerChoices(scale, language);
        sheet.Text(0, 7, "Completeness", WorkbookStyles.Label);
        sheet.Number(1, 7, completeness.Ratio, WorkbookStyles.Percent);
        sheet.Text(2, 7, $"{completeness.Answered} of {completeness.Total} indicators answered; {completeness.NotApplicable} {choices.NotApplicable}, {completeness.DontKnow} {choices.DontKnow}");
        // Row 8 names the peers; it is there without peers too, so the tables and the chart sit at the same cells either way.
        if (peers is not null)
        {
            sheet.Text(0, 8, "Peers", WorkbookStyles.Label);
            sheet.Text(1, 8, peers.Description);
        }

        var row = 10;
        var pillarHeader = row;
        Header(sheet, row++, "Pillar", "Score", "Level reached", peers);
        var firstPillarRow = row;
        foreach (var pillar in rubric.Pillars)
        {
            var value = score.Pillars.FirstOrDefault(p => p.PillarId == pillar.Id).Score;
            sheet.Text(0, row, pillar.Title.Get(language), WorkbookStyles.CellBold);
            sheet.Number(1, row, ReportValues.Round(value), WorkbookStyles.Score);
            sheet.Text(2, row, ReportValues.LevelLabel(ReportValues.LevelReached(value, scale), scale, language), WorkbookStyles.Cell);
            Peers(sheet, row, peers is not null && peers.Pillars.TryGetValue(pillar.Id, out var q) ? q : null, peers?.Bands?.Pillars.GetValueOrDefault(pillar.Id), peers);
            row++;
        }

        var lastPillarRow = row - 1;
        row++;
        Header(sheet, row, "Practice", "Score", "Maturity level", peers);
        sheet.Text(6, row++, "Pillars", WorkbookStyles.Header);
        foreach (var practice in rubric.Practices)
        {
            var practiceScore = score.Practices.FirstOrDefault(p => p.PracticeId == practice.Id);
            sheet.Text(0, row, ReportValues.PracticeName(practice, language), WorkbookStyles.CellBold);
            sheet.Number(1, row, ReportValues.Round(practiceScore.Score), WorkbookStyles.Score);
            sheet.Text(2, row, ReportValues.LevelLabel(practiceScore.MaturityLevel, scale, language), WorkbookStyles.Cell);
            Peers(sheet, row, peers is not null && peers.Practices.TryGetValue(practice.Id, out var q) ? q : null, peers?.Bands?.Practices.GetValueOrDefault(practice.Id), peers);
            sheet.Text(6, row, ReportValues.PillarsOf(practice, rubric, language), WorkbookStyles.Cell);
            row++;
        }

        var categories = new ChartCategories(
            CellReference.Range(sheet.Name, 0, firstPillarRow, 0, lastPillarRow),
            rubric.Pillars.Select(p => p.Title.Get(language)).ToArray());
        var series = new List<ChartSeries>
        {
            new(heading.CityName, CellReference.Range(sheet.Name, 1, firstPillarRow, 1, lastPillarRow),
                rubric.Pillars.Select(p => ReportValues.Round(score.Pillars.FirstOrDefault(s => s.PillarId == p.Id).Score)).ToArray()),
        };
        // Bands have no single value to plot, so only exact peer medians are charted.
        if (peers is not null && peers.Bands is null)
        {
            series.Add(new("Peer median", CellReference.Range(sheet.Name, 4, firstPillarRow, 4, lastPillarRow),
                rubric.Pillars.Select(p => peers.Pillars.TryGetValue(p.Id, out var q) ? ReportValues.Round(q.Median) : null).ToArray()));
        }

        workbook.AddChart(sheet, Charts.Radar("Pillar scores (0-100)", categories, series), new ChartAnchor(7, 4, 16, 34));
    }

    private static void Header(SheetBuilder sheet, int row, string first, string score, string level, PeerStatistics? peers)
    {
        sheet.Text(0, row, first, WorkbookStyles.Header);
        sheet.Text(1, row, score, WorkbookStyles.Header);
        sheet.Text(2, row, level, WorkbookStyles.Header);
        if (peers is not null)
        {
            sheet.Text(3, row, "Peers Q1", WorkbookStyles.Header);
            sheet.Text(4, row, "Peer median", WorkbookStyles.Header);
            sheet.Text(5, row, "Peers Q3", WorkbookStyles.Header);
        }
    }

    private static void Peers(SheetBuilder sheet, int row, PeerQuartiles? quartiles, BandedDistribution? bands, PeerStatistics? peers)
    {
        if (peers is null)
        {
            return;
        }

        if (peers.Bands is not null)
        {
            sheet.Text(3, row, bands is null ? null : Band(bands.Q1), WorkbookStyles.Cell);
            sheet.Text(4, row, bands is null ? null : Band(bands.Median), WorkbookStyles.Cell);
            sheet.Text(5, row, bands is null ? null : Band(bands.Q3), WorkbookStyles.Cell);
            return;
        }

        sheet.Number(3, row, ReportValues.Round(quartiles?.Q1), WorkbookStyles.Score);
        sheet.Number(4, row, ReportValues.Round(quartiles?.Median), WorkbookStyles.Score);
        sheet.Number(5, row, ReportValues.Round(quartiles?.Q3), WorkbookStyles.Score);
    }

    private static string Band(ScoreBand band) => ReportValues.Invariant($"{band.From}–{band.To}");
}
