using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nlc.Api.Tests;

namespace Nlc.Web.Tests;

/// <summary>
/// The action plan in a real chromium against the real server: an official starts an action from a next step, completes
/// it, adds another, drops one with a reason, notes progress and sees the share done and what is overdue; a stale edit
/// loses nothing; the hub reads the plan without edit controls and another city's official cannot reach it. Every page
/// is checked with axe at two widths.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class ActionPlanTests
{
    private const string Hostile = "<script>alert(1)</script> =HYPERLINK(\"https://evil.example\")";

    private static WebSite _site = null!;

    [ClassInitialize]
    public static async Task StartSite(TestContext context) => _site = await WebSite.StartAsync();

    [ClassCleanup]
    public static async Task StopSite() => await _site.DisposeAsync();

    [TestMethod]
    public async Task AnOfficial_StartsAnActionFromANextStep_FollowsItThrough_AndTheHubReadsThePlan()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var cityId = await _site.CreateCityAsync("Danilovgrad " + suffix);
        var assessment = await _site.AssessmentAsync(cityId, "2025", 2, "submit", "validate");
        var official = await _site.SignedInAsync($"lsc-{suffix}@danilovgrad.example", "city", cityId);

        await official.GotoAsync(_site.Url($"/assessments/{assessment}/results"));
        var firstStep = official.Locator(".nlc-next-steps li").First;
        var stepIndicator = (await firstStep.Locator("input[name=indicatorId]").GetAttributeAsync("value"))!;
        await firstStep.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Start an action") }).ClickAsync();
        await Assertions.Expect(official).ToHaveURLAsync(new Regex("/plan/actions/act_"));
        await Expect(official.Locator(".notice")).ToContainTextAsync("started from the next step");
        Assert.AreEqual(stepIndicator, await official.Locator("#Targets_0__IndicatorId").InputValueAsync(), "the step's indicator is filled in");
        Assert.AreEqual(stepIndicator[..stepIndicator.LastIndexOf('.')], await official.Locator("#Targets_0__PracticeId").InputValueAsync(), "and its practice");
        Assert.AreEqual("3", await official.Locator("#Targets_0__TargetLevel").InputValueAsync(), "the level after 2");
        Assert.AreNotEqual("", await official.Locator("#Title").InputValueAsync(), "titled with the step");
        await WebSite.CheckAccessibleAsync(official, "plan-action-started");

        await official.Locator("#Title").FillAsync(Hostile);
        await official.GetByLabel("Responsible person or body").FillAsync("Local Safety Council secretariat");
        await official.GetByLabel("Due date").FillAsync("2020-01-31");
        await official.GetByRole(AriaRole.Button, new() { Name = "Save the action" }).ClickAsync();
        await Expect(official.Locator(".notice")).ToHaveTextAsync("The action is saved.");
        await Expect(official.Locator(".plan-overdue li")).ToContainTextAsync(Hostile);
        Assert.AreEqual(0, await official.Locator(".plan-overdue script").CountAsync(), "typed markup stays text");
        await Expect(official.Locator(".nlc-overall-value")).ToHaveTextAsync("0 %");

        await official.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Expect(official.Locator(".error-summary a[href='#Title']")).ToHaveTextAsync("Title: this is required");
        await Expect(official.Locator(".error-summary a[href='#Responsible']")).ToHaveTextAsync("Responsible person or body: this is required");
        await Expect(official.Locator(".error-summary a[href='#Targets_0__PracticeId']")).ToHaveTextAsync("Practice 1: this is required");
        await WebSite.CheckAccessibleAsync(official, "plan-action-errors");
        await official.Locator("#Title").FillAsync("Joint training for LSC members");
        await official.Locator("#Targets_0__PracticeId").SelectOptionAsync(stepIndicator[..stepIndicator.LastIndexOf('.')]);
        await official.Locator("#Targets_0__TargetLevel").SelectOptionAsync("4");
        await official.GetByLabel("Responsible person or body").FillAsync("Municipal youth office");
        await official.GetByLabel("Partners").FillAsync("OSCE mission\nLocal NGO Forum");
        await official.GetByLabel("Start date").FillAsync("2099-01-01");
        await official.GetByLabel("Due date").FillAsync("2098-12-31");
        await official.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Expect(official.Locator(".error-summary a[href='#Due']")).ToHaveTextAsync("Due date: choose a day on or after the start date");
        Assert.AreEqual("OSCE mission\nLocal NGO Forum", await official.GetByLabel("Partners").InputValueAsync(), "what was typed stays");
        await official.GetByLabel("Due date").FillAsync("2099-06-30");
        await official.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Expect(official.Locator(".notice")).ToHaveTextAsync("The action is added to the plan.");
        await WebSite.CheckAccessibleAsync(official, "plan");

        await official.GetByRole(AriaRole.Link, new() { Name = "Joint training for LSC members" }).First.ClickAsync();
        await official.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("dropped");
        await official.GetByRole(AriaRole.Button, new() { Name = "Save the status" }).ClickAsync();
        await Expect(official.Locator(".error-summary a[href='#DropReason']")).ToHaveTextAsync("Write why the action was dropped.");
        await official.GetByLabel("Why was it dropped?").FillAsync("The training budget moved to 2027.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Save the status" }).ClickAsync();
        await Expect(official.Locator(".notice")).ToHaveTextAsync("The status is saved.");

        await official.GotoAsync(_site.Url($"/cities/{cityId}/plan"));
        await official.Locator(".plan-actions tbody th a").First.ClickAsync();
        await official.GetByLabel("Date of the note").FillAsync("2026-02-10");
        await official.GetByLabel("What happened").FillAsync("Secretariat agreed the terms of reference.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await Expect(official.Locator(".plan-notes li")).ToContainTextAsync("Secretariat agreed the terms of reference.");
        await official.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("done");
        await official.GetByRole(AriaRole.Button, new() { Name = "Save the status" }).ClickAsync();
        await WebSite.CheckAccessibleAsync(official, "plan-action");

        await official.GotoAsync(_site.Url($"/cities/{cityId}/plan"));
        await Expect(official.Locator(".nlc-overall-value")).ToHaveTextAsync("100 %", new() { Timeout = 10_000 });
        await Expect(official.Locator("#overdue + p")).ToContainTextAsync("No open action was due");

        var plan = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/cities/{cityId}/action-plan");
        var statuses = plan.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("status").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "done", "dropped" }, statuses, "what the pages wrote is what the API reads");
        Assert.AreEqual(Hostile, plan.GetProperty("actions")[0].GetProperty("title").GetString());

        var hub = await _site.SignedInAsync($"hub-{suffix}@hub.example", "hub");
        await hub.GotoAsync(_site.Url($"/cities/{cityId}/plan"));
        await Expect(hub.Locator(".plan-actions tbody tr")).ToHaveCountAsync(2);
        await Expect(hub.GetByRole(AriaRole.Link, new() { Name = "Add an action" })).ToHaveCountAsync(0);
        await hub.Locator(".plan-actions tbody th a").Nth(1).ClickAsync();
        await Expect(hub.Locator(".plan-details")).ToContainTextAsync("The training budget moved to 2027.");
        await Expect(hub.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Save|Add|Remove)") })).ToHaveCountAsync(0);
        await WebSite.CheckAccessibleAsync(hub, "plan-action-hub");

        var otherCity = await _site.CreateCityAsync("Bar " + suffix);
        var stranger = await _site.SignedInAsync($"lsc-{suffix}@bar.example", "city", otherCity);
        var response = await stranger.GotoAsync(_site.Url($"/cities/{cityId}/plan"));
        Assert.AreEqual((int)HttpStatusCode.NotFound, response!.Status, "another city's plan is not there for them");
        var actionId = plan.GetProperty("actions")[0].GetProperty("id").GetString();
        response = await stranger.GotoAsync(_site.Url($"/cities/{cityId}/plan/actions/{actionId}"));
        Assert.AreEqual((int)HttpStatusCode.NotFound, response!.Status);
    }

    [TestMethod]
    public async Task AnEditOfAPlanChangedMeanwhile_IsRefused_KeepsWhatWasTyped_AndChangesNothing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var cityId = await _site.CreateCityAsync("Kumanovo " + suffix);
        var first = await _site.SignedInAsync($"one-{suffix}@kumanovo.example", "city", cityId);
        var second = await _site.SignedInAsync($"two-{suffix}@kumanovo.example", "city", cityId);
        var rubric = await _site.Server.Client.GetFromJsonAsync<JsonElement>("/api/v1/rubrics/nlc");
        var practice = rubric.GetProperty("practices")[0].GetProperty("id").GetString()!;

        await first.GotoAsync(_site.Url($"/cities/{cityId}/plan/actions/new"));
        await first.Locator("#Title").FillAsync("Community Action Team exchange");
        await first.Locator("#Targets_0__PracticeId").SelectOptionAsync(practice);
        await first.GetByLabel("Responsible person or body").FillAsync("Community Action Team");
        await first.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await first.GetByRole(AriaRole.Link, new() { Name = "Community Action Team exchange" }).First.ClickAsync();
        var actionUrl = first.Url;

        await second.GotoAsync(actionUrl);
        await first.Locator("#Title").FillAsync("Community Action Team exchange with Kičevo");
        await second.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("inProgress");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save the status" }).ClickAsync();
        await Expect(second.Locator(".notice")).ToHaveTextAsync("The status is saved.");

        await first.GetByRole(AriaRole.Button, new() { Name = "Save the action" }).ClickAsync();
        await Expect(first.Locator(".error-summary")).ToContainTextAsync("Someone else changed this plan while you had it open. Nothing was saved.");
        Assert.AreEqual("Community Action Team exchange with Kičevo", await first.Locator("#Title").InputValueAsync(), "what was typed is still there");
        await Expect(first.Locator(".notice--warning")).ToContainTextAsync("In progress");
        await WebSite.CheckAccessibleAsync(first, "plan-action-stale");
        var plan = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/cities/{cityId}/action-plan");
        Assert.AreEqual("Community Action Team exchange", plan.GetProperty("actions")[0].GetProperty("title").GetString(), "nothing written");
        Assert.AreEqual("inProgress", plan.GetProperty("actions")[0].GetProperty("status").GetString(), "the other change stands");

        await first.GetByRole(AriaRole.Button, new() { Name = "Save the action" }).ClickAsync();
        await Expect(first.Locator(".notice")).ToHaveTextAsync("The action is saved.");
        plan = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/cities/{cityId}/action-plan");
        Assert.AreEqual("Community Action Team exchange with Kičevo", plan.GetProperty("actions")[0].GetProperty("title").GetString());
        Assert.AreEqual("inProgress", plan.GetProperty("actions")[0].GetProperty("status").GetString(), "saving the fields keeps the status");
        await first.GotoAsync(_site.Url($"/cities/{cityId}/plan"));
        await WebSite.SaveForReadmeAsync(first, "action-plan");
    }

    [TestMethod]
    public async Task AnOfficial_ChangesThePlanInExcel_AndAWorkbookWithAProblemSavesNothing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var cityId = await _site.CreateCityAsync("Ulcinj " + suffix);
        var action = new { title = "Youth dialogue", targets = new[] { new { practiceId = "GP02", targetLevel = 3 } }, responsible = "Youth office", due = "2099-06-30" };
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cities/{cityId}/action-plan/actions") { Content = JsonContent.Create(action) })
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
            using var added = await _site.Server.Client.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.Created, added.StatusCode, await added.Content.ReadAsStringAsync());
        }

        var official = await _site.SignedInAsync($"lsc-{suffix}@ulcinj.example", "city", cityId);
        await official.GotoAsync(_site.Url($"/cities/{cityId}/plan"));
        await official.GetByRole(AriaRole.Link, new() { Name = "Work on the plan in Excel" }).ClickAsync();
        await WebSite.CheckAccessibleAsync(official, "plan-workbook");
        var download = await official.RunAndWaitForDownloadAsync(() => official.GetByRole(AriaRole.Link, new() { Name = "Action-plan workbook (.xlsx)" }).ClickAsync());
        var workbook = await File.ReadAllBytesAsync((await download.PathAsync())!);

        await UploadPlanAsync(official, WorkbookFill.TypeCells(workbook, ("I6", "Done"), ("B7", Hostile), ("D7", "GP03: 2"), ("E7", "School board"), ("G7", "soon")));
        await Expect(official.Locator(".error-summary")).ToContainTextAsync("Action plan!G7: \"soon\" is not a date; write it as 2026-03-31");
        await WebSite.CheckAccessibleAsync(official, "plan-workbook-errors");
        var plan = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/cities/{cityId}/action-plan");
        Assert.AreEqual(1, plan.GetProperty("actions").GetArrayLength(), "a workbook with a problem saves nothing");
        Assert.AreEqual("planned", plan.GetProperty("actions")[0].GetProperty("status").GetString());

        await UploadPlanAsync(official, WorkbookFill.TypeCells(workbook, ("I6", "Done"), ("B7", Hostile), ("D7", "GP03: 2"), ("E7", "School board"), ("G7", "2099-01-15")));
        await Expect(official.Locator(".notice")).ToHaveTextAsync("The workbook is saved. Actions added: 1. Actions changed: 1.");
        await Expect(official.Locator(".plan-actions tbody tr")).ToHaveCountAsync(2);
        await Expect(official.Locator(".plan-actions tbody th a").Nth(1)).ToHaveTextAsync(Hostile);
        Assert.AreEqual(0, await official.Locator(".plan-actions script").CountAsync(), "typed markup stays text");
        plan = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/cities/{cityId}/action-plan");
        Assert.AreEqual(("done", "2099-01-15"), (plan.GetProperty("actions")[0].GetProperty("status").GetString(), plan.GetProperty("actions")[1].GetProperty("start").GetString()));

        await official.GetByRole(AriaRole.Link, new() { Name = "Work on the plan in Excel" }).ClickAsync();
        await UploadPlanAsync(official, WorkbookFill.TypeCells(workbook, ("I6", "In progress")));
        await Expect(official.Locator(".error-summary")).ToContainTextAsync("Action plan!A6: this action was also changed in the plan after the workbook was downloaded");

        var hub = await _site.SignedInAsync($"hub-{suffix}@hub.example", "hub");
        await hub.GotoAsync(_site.Url($"/cities/{cityId}/plan/workbook"));
        await Expect(hub.GetByRole(AriaRole.Link, new() { Name = "Action-plan workbook (.xlsx)" })).ToHaveCountAsync(1);
        await Expect(hub.GetByLabel("Workbook file")).ToHaveCountAsync(0);
        var stranger = await _site.SignedInAsync($"lsc-{suffix}@bar.example", "city", await _site.CreateCityAsync("Bar " + suffix));
        var response = await stranger.GotoAsync(_site.Url($"/cities/{cityId}/plan/workbook?handler=Download"));
        Assert.AreEqual((int)HttpStatusCode.NotFound, response!.Status, "another city's plan workbook is not there for them");
    }

    private static async Task UploadPlanAsync(IPage page, byte[] workbook)
    {
        await page.GetByLabel("Workbook file").SetInputFilesAsync(new FilePayload { Name = "plan.xlsx", MimeType = Nlc.Excel.XlsxFile.ContentType, Buffer = workbook });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and save" }).ClickAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
