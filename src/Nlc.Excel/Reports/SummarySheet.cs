using Nlc.Core.Benchmarking;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>
/// The "Summary" sheet of an assessment report. Page 1 is for a reader with half a minute: the overall index with the
/// status and completeness beside it, the strongest and weakest pillar in one sentence, who the peers are (or why their
/// figures are withheld), the top three next steps, the pillar table and a radar chart of the pillars. The practice
/// table follows on page 2. Peer quartiles stand beside each score when given.
/// </summary>
internal static class SummarySheet
{
    /// <summary>How many next steps page 1 lists; the "Next steps" sheet has them all.</summary>
    public const int TopSteps = 3;

    private const int NameColumn = 0;
    private const int ScoreColumn = 1;
    private const int LevelColumn = 2;
    private const int LastPeerColumn = 5;
    private const int PillarsColumn = 6;
    private const int ChartFirstColumn = 6;
    private const int ChartEndColumn = 8;

    public static void Write(WorkbookBuilder workbook, Rubric rubric, ScoreResult score, ReportHeading heading, string language, PeerStatistics? peers)
    {
        string T(string key) => ExcelText.Get(key, language);
        var scale = rubric.Scale;
        var sheet = workbook.AddSheet(T("Sheet.Summary"));
        sheet.Protected = true;
        double[] widths = [34, 9, 20, 9, 9, 9, 30, 28];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Width(i, widths[i]);
        }

        var peerColumns = peers is not null && peers.WithheldReason is null ? peers : null;
        sheet.Text(0, 1, $"{heading.CityName}: {rubric.Title.Get(language)}", WorkbookStyles.Title);
        var about = ExcelText.Format("Report.About", language, heading.Period)
            + (heading.Country is null ? "" : $", {heading.Country}")
            + (heading.AssessmentId is null ? "" : ExcelText.Format("Report.AboutAssessment", language, heading.AssessmentId));
        sheet.Text(0, 2, about);
        sheet.Text(0, 3, ExcelText.Format("Report.RubricLine", language, rubric.Id, rubric.Version, rubric.ContentHash), WorkbookStyles.Small);
        sheet.Text(0, 4, T("Report.ScoresExplained"), WorkbookStyles.Small);
        if (ExcelText.DraftNotice(rubric, language) is { } draft)
        {
            sheet.TextAcross(0, LastPeerColumn, 5, draft, WorkbookStyles.Notice);
        }

        var row = 6;
        var overallLevel = ReportValues.LevelReached(score.Overall, scale);
        sheet.Text(NameColumn, row, T("Report.Overall"), WorkbookStyles.Label);
        sheet.Number(ScoreColumn, row, ReportValues.Round(score.Overall), WorkbookStyles.BigScore);
        sheet.Text(LevelColumn, row, ReportValues.LevelLabel(overallLevel, scale, language));
        if (peers?.Bands?.Overall is { } overallBands)
        {
            sheet.TextAcross(3, LastPeerColumn, row, ExcelText.Format("Report.PeerBand", language, Band(overallBands.Median), Band(overallBands.Q1), Band(overallBands.Q3)), WorkbookStyles.Body);
        }
        else if (peers?.Overall is { } overallPeers)
        {
            sheet.TextAcross(3, LastPeerColumn, row, ExcelText.Format("Report.PeerMedian", language, ReportValues.Round(overallPeers.Median), ReportValues.Round(overallPeers.Q1), ReportValues.Round(overallPeers.Q3)), WorkbookStyles.Body);
        }

        row++;
        var completeness = score.Completeness;
        sheet.Text(NameColumn, row, T("Report.Status"), WorkbookStyles.Label);
        sheet.TextAcross(ScoreColumn, LastPeerColumn, row, ResultStatus.Statement(heading.Status, completeness, language),
            ResultStatus.IsFinal(heading.Status, completeness) ? WorkbookStyles.Statement : WorkbookStyles.Notice);

        row++;
        var choices = new AnswerChoices(scale, language);
        sheet.Text(NameColumn, row, T("Report.Completeness"), WorkbookStyles.Label);
        sheet.Number(ScoreColumn, row, completeness.Ratio, WorkbookStyles.Percent);
        sheet.TextAcross(LevelColumn, LastPeerColumn, row,
            ExcelText.Format("Report.CompletenessLine", language, completeness.Answered, completeness.Total, completeness.NotApplicable, choices.NotApplicable, completeness.DontKnow, choices.DontKnow),
            WorkbookStyles.Body);

        row++;
        sheet.Text(NameColumn, row, T("Report.InShort"), WorkbookStyles.Label);
        sheet.TextAcross(ScoreColumn, LastPeerColumn, row, StrongestAndWeakest(rubric, score, language), WorkbookStyles.Body);

        if (peers is not null)
        {
            row++;
            sheet.Text(NameColumn, row, T("Report.Peers"), WorkbookStyles.Label);
            var text = peers.WithheldReason is { } reason
                ? ExcelText.Format("Report.PeersWithheld", language, peers.Description, reason)
                : peers.Description + (HasGaps(rubric, peers) ? ExcelText.Get("Report.PeersGaps", language) : "");
            sheet.TextAcross(ScoreColumn, LastPeerColumn, row, text, WorkbookStyles.Body);
        }

        row++;
        var chartTop = 5;
        sheet.Text(NameColumn, row++, T("Report.TopNextSteps"), WorkbookStyles.Heading);
        row = TopNextSteps(sheet, row, rubric, score, language);

        row++;
        Header(sheet, row++, T("Report.Pillar"), T("Report.Score"), T("Report.LevelReached"), peerColumns, language);
        var firstPillarRow = row;
        foreach (var pillar in rubric.Pillars)
        {
            var value = score.Pillars.FirstOrDefault(p => p.PillarId == pillar.Id).Score;
            sheet.Text(NameColumn, row, pillar.Title.Get(language), WorkbookStyles.CellBold);
            sheet.Number(ScoreColumn, row, ReportValues.Round(value), WorkbookStyles.Score);
            sheet.Text(LevelColumn, row, ReportValues.LevelLabel(ReportValues.LevelReached(value, scale), scale, language), WorkbookStyles.Cell);
            Peers(sheet, row, peerColumns is not null && peerColumns.Pillars.TryGetValue(pillar.Id, out var q) ? q : null, peerColumns?.Bands?.Pillars.GetValueOrDefault(pillar.Id), peerColumns);
            row++;
        }

        var lastPillarRow = row - 1;
        // The chart's anchor counts rows from 0, so this ends it at the bottom of the last pillar row.
        var chartBottom = lastPillarRow;
        row = lastPillarRow + 2;
        // The practice table starts page 2, so page 1 is the summary a reader needs and nothing is cut in half.
        sheet.PageBreakBeforeRow = row;
        Header(sheet, row, T("Column.practice"), T("Report.Score"), T("Report.MaturityLevel"), peerColumns, language);
        sheet.Text(PillarsColumn, row++, T("Report.Pillars"), WorkbookStyles.Header);
        foreach (var practice in rubric.Practices)
        {
            var practiceScore = score.Practices.FirstOrDefault(p => p.PracticeId == practice.Id);
            sheet.Text(NameColumn, row, ReportValues.PracticeName(practice, language), WorkbookStyles.CellBold);
            sheet.Number(ScoreColumn, row, ReportValues.Round(practiceScore.Score), WorkbookStyles.Score);
            sheet.Text(LevelColumn, row, ReportValues.LevelLabel(practiceScore.MaturityLevel, scale, language), WorkbookStyles.Cell);
            Peers(sheet, row, peerColumns is not null && peerColumns.Practices.TryGetValue(practice.Id, out var q) ? q : null, peerColumns?.Bands?.Practices.GetValueOrDefault(practice.Id), peerColumns);
            sheet.Text(PillarsColumn, row, ReportValues.PillarsOf(practice, rubric, language), WorkbookStyles.Cell);
            row++;
        }

        workbook.AddChart(sheet, Radar(sheet, rubric, score, heading, language, peerColumns, firstPillarRow, lastPillarRow), new ChartAnchor(ChartFirstColumn, chartTop, ChartEndColumn, chartBottom));
    }

    /// <summary>The top next steps: which indicator, and the step to take (the engine's wording, as in the API and the "Next steps" sheet).</summary>
    private static int TopNextSteps(SheetBuilder sheet, int row, Rubric rubric, ScoreResult score, string language)
    {
        if (score.Gaps.Count == 0)
        {
            sheet.TextAcross(NameColumn, LastPeerColumn, row++, ExcelText.Get("Report.NoNextSteps", language), WorkbookStyles.Body);
            return row;
        }

        var practices = rubric.Practices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var (gap, i) in score.Gaps.Take(TopSteps).Select((g, i) => (g, i)))
        {
            var practice = practices.TryGetValue(gap.PracticeId, out var p) ? " " + p.Title.Get(language) : "";
            sheet.Text(NameColumn, row, $"{i + 1}. {gap.IndicatorId}{practice}", WorkbookStyles.CellBold);
            sheet.TextAcross(ScoreColumn, LastPeerColumn, row,
                gap.NextStep.Get(language) + " " + ExcelText.Format("Report.Gain", language, Math.Round(gap.OverallGain, 1, MidpointRounding.AwayFromZero)),
                WorkbookStyles.Cell);
            row++;
        }

        return row;
    }

    private static string StrongestAndWeakest(Rubric rubric, ScoreResult score, string language)
    {
        var scored = rubric.Pillars
            .Select(p => (Name: p.Title.Get(language), Score: ReportValues.Round(score.Pillars.FirstOrDefault(s => s.PillarId == p.Id).Score)))
            .Where(p => p.Score is not null)
            .ToArray();
        if (scored.Length == 0)
        {
            return ExcelText.Get("Report.NoPillarScore", language);
        }

        var strongest = scored.MaxBy(p => p.Score)!;
        var weakest = scored.MinBy(p => p.Score)!;
        return scored.Length == 1 || strongest.Score == weakest.Score
            ? ExcelText.Format("Report.AllPillarsEqual", language, strongest.Score)
            : ExcelText.Format("Report.StrongestWeakest", language, strongest.Name, strongest.Score, weakest.Name, weakest.Score);
    }

    private static bool HasGaps(Rubric rubric, PeerStatistics peers) => peers.Bands is { } bands
        ? bands.Overall is null || rubric.Pillars.Any(p => !bands.Pillars.ContainsKey(p.Id)) || rubric.Practices.Any(p => !bands.Practices.ContainsKey(p.Id))
        : peers.Overall is null || rubric.Pillars.Any(p => !peers.Pillars.ContainsKey(p.Id)) || rubric.Practices.Any(p => !peers.Practices.ContainsKey(p.Id));

    /// <summary>
    /// The radar of the pillars: the peers' middle half as two dashed lines and their median first, the city last, so
    /// the city is drawn on top where the lines meet. Bands have no single value to plot, so only exact peer figures are charted.
    /// </summary>
    private static DocumentFormat.OpenXml.Drawing.Charts.ChartSpace Radar(
        SheetBuilder sheet, Rubric rubric, ScoreResult score, ReportHeading heading, string language, PeerStatistics? peers, int firstRow, int lastRow)
    {
        var categories = new ChartCategories(
            CellReference.Range(sheet.Name, NameColumn, firstRow, NameColumn, lastRow),
            rubric.Pillars.Select(p => p.Title.Get(language)).ToArray());
        var series = new List<ChartSeries>();
        if (peers is not null && peers.Bands is null)
        {
            ChartSeries Peer(string name, int column, Func<PeerQuartiles, double> pick, ChartLook look) =>
                new(name, CellReference.Range(sheet.Name, column, firstRow, column, lastRow),
                    rubric.Pillars.Select(p => peers.Pillars.TryGetValue(p.Id, out var q) ? ReportValues.Round(pick(q)) : null).ToArray()) { Look = look };
            series.Add(Peer(ExcelText.Get("Report.PeersQ1", language), 3, q => q.Q1, ChartLook.PeerBand));
            series.Add(Peer(ExcelText.Get("Report.PeersQ3", language), 5, q => q.Q3, ChartLook.PeerBand));
            series.Add(Peer(ExcelText.Get("Report.PeerMedianHeader", language), 4, q => q.Median, ChartLook.Of(1)));
        }

        series.Add(new(heading.CityName, CellReference.Range(sheet.Name, ScoreColumn, firstRow, ScoreColumn, lastRow),
            rubric.Pillars.Select(p => ReportValues.Round(score.Pillars.FirstOrDefault(s => s.PillarId == p.Id).Score)).ToArray()) { Look = ChartLook.Of(0) with { Width = 38100 } });
        return Charts.Radar(ExcelText.Get("Report.RadarTitle", language), categories, series);
    }

    private static void Header(SheetBuilder sheet, int row, string first, string score, string level, PeerStatistics? peers, string language)
    {
        sheet.Text(NameColumn, row, first, WorkbookStyles.Header);
        sheet.Text(ScoreColumn, row, score, WorkbookStyles.Header);
        sheet.Text(LevelColumn, row, level, WorkbookStyles.Header);
        if (peers is not null)
        {
            sheet.Text(3, row, ExcelText.Get("Report.PeersQ1", language), WorkbookStyles.Header);
            sheet.Text(4, row, ExcelText.Get("Report.PeerMedianHeader", language), WorkbookStyles.Header);
            sheet.Text(5, row, ExcelText.Get("Report.PeersQ3", language), WorkbookStyles.Header);
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
