using Bunit;
using FacePortal.Core.People;
using FacePortal.Shared.Faces.Geometry;
using FacePortal.Web.People;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.People;

public sealed class EnrollmentResultListTests : BunitContext
{
    public EnrollmentResultListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Shows_each_outcome_with_its_message_and_a_progress_bar_while_pending()
    {
        var photoId = Guid.NewGuid();
        List<EnrollmentItem> items =
        [
            new("ok.jpg", 10) { Result = new EnrollmentResult("ok.jpg", EnrollmentStatus.Accepted, RejectionReason.None, "Enrolled.") },
            new("blur.jpg", 10) { Result = EnrollmentResult.Rejected("blur.jpg", RejectionReason.TooBlurred, "The face is too blurred (sharpness 12, at least 40 is needed).") },
            new("group.jpg", 10)
            {
                Result = new EnrollmentResult(
                    "group.jpg", EnrollmentStatus.AcceptedWithWarning, RejectionReason.None, "2 faces were found; the largest was enrolled.",
                    photoId, Guid.NewGuid(), 2, new FaceBox(10, 10, 110, 120), [new FaceBox(200, 20, 260, 90)], 400, 300),
            },
            new("pending.jpg", 10) { Progress = 40, Stage = "uploading" },
        ];

        var list = Render<EnrollmentResultList>(p => p.Add(c => c.Items, items));

        Assert.Single(list.FindAll(".enrollment-accepted"));
        var rejected = list.Find(".enrollment-rejected");
        Assert.Contains("too blurred", rejected.TextContent, StringComparison.Ordinal);
        var warning = list.Find(".enrollment-warning");
        Assert.Contains("the largest was enrolled", warning.TextContent, StringComparison.Ordinal);

        // The several-faces photo shows which face was used (green) and the others (orange).
        Assert.Equal($"api/v1/photos/{photoId}/thumbnail?size=256", warning.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("10", warning.QuerySelector("rect.enrolled-face")!.GetAttribute("x"));
        Assert.Equal("200", warning.QuerySelector("rect.other-face")!.GetAttribute("x"));
        Assert.Equal("0 0 400 300", warning.QuerySelector(".face-boxes-preview svg")!.GetAttribute("viewBox"));

        var pending = list.Find(".enrollment-pending");
        Assert.Contains("uploading", pending.TextContent, StringComparison.Ordinal);
        Assert.NotNull(pending.QuerySelector(".mud-progress-linear"));
    }

    [Fact]
    public void A_face_refused_by_the_quality_rules_is_a_low_quality_warning_and_an_unreadable_file_an_error()
    {
        List<EnrollmentItem> items =
        [
            new("soft.jpg", 10) { Result = EnrollmentResult.Rejected("soft.jpg", RejectionReason.TooBlurred, "Not enrolled, low quality: blurred: sharpness 12 (under 25).") },
            new("notes.jpg", 10) { Result = EnrollmentResult.Rejected("notes.jpg", RejectionReason.Unreadable, "This is not an image.") },
        ];

        var list = Render<EnrollmentResultList>(p => p.Add(c => c.Items, items));

        var low = list.Find(".enrollment-low-quality");
        Assert.Contains("Not enrolled, low quality: blurred", low.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-warning-text", low.QuerySelector(".mud-icon-root")!.ClassName, StringComparison.Ordinal);
        var unreadable = Assert.Single(list.FindAll(".enrollment-rejected"), e => !e.ClassName!.Contains("enrollment-low-quality", StringComparison.Ordinal));
        Assert.Contains("mud-error-text", unreadable.QuerySelector(".mud-icon-root")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_nothing_for_no_items()
    {
        var list = Render<EnrollmentResultList>(p => p.Add(c => c.Items, []));
        Assert.Empty(list.Markup.Trim());
    }
}
