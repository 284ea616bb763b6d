using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nlc.Core.PeerLearning;
using Nlc.Storage;

namespace Nlc.Web.Pages.Hub;

/// <summary>The case notes cities have submitted, oldest first, each to publish or return.</summary>
[Authorize(Roles = "admin,hub")]
public sealed class CaseNotesModel(PeerLearningStore peers, CityStore cities) : PageModel
{
    /// <summary>The submitted notes with their city's name, the longest waiting first.</summary>
    public IReadOnlyList<(CaseNote Note, string CityName)> Submitted { get; private set; } = [];

    /// <summary>Reads the queue.</summary>
    public async Task OnGetAsync()
    {
        var notes = await peers.ListNotesAsync([CaseNoteStatus.Submitted], null, null, HttpContext.RequestAborted);
        var queue = new List<(CaseNote, string)>();
        foreach (var note in notes.OrderBy(n => n.UpdatedAt))
        {
            queue.Add((note, (await cities.FindAsync(note.CityId, HttpContext.RequestAborted))?.Name ?? note.CityId));
        }

        Submitted = queue;
    }
}
