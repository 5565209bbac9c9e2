using FacePortal.Core.People;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Geometry;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;

namespace FacePortal.Core.Tests.People;

/// <summary>
/// The one rule for a caller's box (enrolment's face choice and "not this person" both use it), on the faces the
/// real pipeline finds in deepface's couple photo.
/// </summary>
public sealed class FaceChoiceTests
{
    [Fact]
    public void A_box_names_the_face_it_overlaps_by_half_and_no_face_below_that()
    {
        using var models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models });
        var faces = new FacePipeline(models, new FacePipelineOptions()).Analyze(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, "couple.jpg")));
        Assert.True(faces.Count >= 2, $"{faces.Count} faces found in couple.jpg");
        var second = faces[1].Box;

        // The same box shifted right by a third of its width overlaps by 1/2 (IoU (2/3)/(4/3)); by 40% of its width, by 3/7.
        FaceBox Shifted(float share) => new(second.Left + (share * second.Width), second.Top, second.Right + (share * second.Width), second.Bottom);

        Assert.Same(faces[1], FaceChoice.Overlapping(faces, second));
        Assert.Same(faces[1], FaceChoice.Overlapping(faces, Shifted(0.3f)));
        Assert.Null(FaceChoice.Overlapping(faces, Shifted(0.4f)));
    }
}
