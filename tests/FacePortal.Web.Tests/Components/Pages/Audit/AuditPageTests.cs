using Bunit;
using FacePortal.Core.Auditing;
using FacePortal.Web.Audit;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Components.Pages.Audit;

/// <summary>The audit trail: action names as whole chips, the subject's id on hover, times in the one format (issue 22).</summary>
public sealed class AuditPageTests : AppComponentTest
{
    [Fact]
    public async Task An_entry_shows_its_action_as_a_chip_its_sentence_and_its_subject_on_hover()
    {
        var subject = Guid.NewGuid().ToString();
        await App.Services.GetRequiredService<AuditTrail>().RecordAsync(
            "ada", AuditActions.ModelActivated, subject, "Recognition uses the best model trained 2026-12-06 20:46 UTC (95.0 % on validation).",
            Xunit.TestContext.Current.CancellationToken);

        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".audit-action"), c => c.TextContent.Trim() == AuditActions.ModelActivated));
        var details = page.FindAll(".audit-details").Single(d => d.TextContent.Contains("best model", StringComparison.Ordinal));
        Assert.Equal($"Subject: {subject}", details.GetAttribute("title"));
        Assert.DoesNotContain(subject, details.TextContent, StringComparison.Ordinal);
        var when = page.Find("#audit-table time");
        Assert.EndsWith(" UTC", when.GetAttribute("title"), StringComparison.Ordinal);
    }
}
