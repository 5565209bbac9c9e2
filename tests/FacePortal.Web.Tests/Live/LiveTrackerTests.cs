using System.ComponentModel.DataAnnotations;
using FacePortal.Shared.Faces.Geometry;
using FacePortal.Shared.OpenSet;
using FacePortal.Shared.Search;
using FacePortal.Web.Recognition.Live;

namespace FacePortal.Web.Tests.Live;

/// <summary>
/// The live tracker fed frame verdicts, boxes and embeddings: names confirmed by K of the last N frames
/// (3 of 5), never flickering between people, and a stranger in the same place starting a new track.
/// </summary>
public sealed class LiveTrackerTests
{
    private static readonly OperatingPoint Point = new(0.01, 2, 0.31f, 0.01, OperatingPointBasis.ModelStatistics);
    private static readonly GalleryMatch Ada = new(Guid.NewGuid(), "Ada", 0.7f, 0.7f, Guid.NewGuid(), 2);
    private static readonly GalleryMatch Bea = new(Guid.NewGuid(), "Bea", 0.7f, 0.7f, Guid.NewGuid(), 2);
    private static readonly FaceBox Centre = new(200, 100, 360, 300);

    // Three orthogonal directions: one face per person, and one for a stranger.
    private static readonly float[] AdaFace = Unit(0);
    private static readonly float[] BeaFace = Unit(1);
    private static readonly float[] StrangerFace = Unit(2);

    [Fact]
    public void A_face_shows_unknown_until_three_of_its_last_five_frames_name_the_person()
    {
        var tracker = new LiveTracker(new TrackingOptions());

        var shown = Enumerable.Range(0, 4).Select(_ => tracker.Update([See(Centre, AdaFace, Named(Ada))])[0]).ToArray();

        Assert.Equal(["confirming", "confirming", "named", "named"], shown.Select(v => v.Code));
        Assert.Equal(["Unknown (confirming)", "Unknown (confirming)", "Ada", "Ada"], shown.Select(v => v.Label));
        Assert.All(shown, v => Assert.Equal(1, v.TrackId));
        Assert.Null(shown[1].Person);
        Assert.Equal(Ada.PersonId, shown[2].Person!.PersonId);
        Assert.Contains("Named in 3 of the last 3 frames (3 needed)", shown[2].Reason, StringComparison.Ordinal);
        Assert.Equal("named at a 1% false-match rate for 2 people", shown[2].OperatingPoint.Describe());
    }

    [Fact]
    public void An_unknown_face_shows_its_own_kind_of_unknown_and_reason()
    {
        var tracker = new LiveTracker(new TrackingOptions());
        var poor = new Verdict(VerdictKind.TooPoor, 0.2f, null, Ada, null, "Too poor to name: small: 30 px (under 48).", Point);

        var shown = tracker.Update([See(Centre, AdaFace, poor)])[0];

        Assert.Equal("too-poor", shown.Code);
        Assert.Equal("Unknown (face too poor)", shown.Label);
        Assert.Equal(poor.Reason, shown.Reason);
        Assert.Equal(0.2f, shown.Similarity);
    }

    [Fact]
    public void A_stranger_stepping_into_the_same_place_starts_a_new_track_and_never_inherits_the_name()
    {
        var tracker = new LiveTracker(new TrackingOptions());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(1, tracker.Update([See(Centre, AdaFace, Named(Ada))])[0].TrackId);
        }

        var stranger = Enumerable.Range(0, 6).Select(_ => tracker.Update([See(Centre, StrangerFace, NobodyClose())])[0]).ToArray();

        Assert.All(stranger, v => Assert.Equal(2, v.TrackId));
        Assert.All(stranger, v => Assert.Equal("Unknown (nobody close)", v.Label));
        Assert.All(stranger, v => Assert.Null(v.Person));
    }

    [Fact]
    public void One_or_two_unknown_frames_keep_a_confirmed_name_and_a_third_drops_it()
    {
        var tracker = new LiveTracker(new TrackingOptions());
        for (var i = 0; i < 5; i++)
        {
            tracker.Update([See(Centre, AdaFace, Named(Ada))]);
        }

        // The same face, blurred or turned: the frames alone say Unknown.
        var shown = Enumerable.Range(0, 3).Select(_ => tracker.Update([See(Centre, AdaFace, NobodyClose())])[0]).ToArray();

        Assert.Equal(["Ada", "Ada", "Unknown (nobody close)"], shown.Select(v => v.Label));
        Assert.Contains("This frame alone: Unknown (nobody close).", shown[0].Reason, StringComparison.Ordinal);
        Assert.All(shown, v => Assert.Equal(1, v.TrackId));
    }

    [Fact]
    public void A_name_switches_to_another_person_only_when_three_of_five_frames_name_them_and_never_flickers()
    {
        var tracker = new LiveTracker(new TrackingOptions());
        var frames = new[] { Ada, Ada, Ada, Ada, Ada, Bea, Ada, Bea, Bea, Bea, Ada, Bea };

        // One face whose frames change their mind (a look-alike pair): the track's embedding stays the same face.
        var labels = frames.Select(p => tracker.Update([See(Centre, AdaFace, Named(p, runnerUp: p == Ada ? Bea : Ada))])[0].Label).ToArray();

        Assert.Equal(
            ["Unknown (confirming)", "Unknown (confirming)", "Ada", "Ada", "Ada", "Ada", "Ada", "Ada", "Bea", "Bea", "Bea", "Bea"],
            labels);
    }

    [Fact]
    public void With_two_of_five_both_people_may_reach_k_and_the_confirmed_one_stays()
    {
        var tracker = new LiveTracker(new TrackingOptions { ConfirmFrames = 2, WindowFrames = 5 });
        var frames = new[] { Ada, Ada, Bea, Bea, Ada, Bea };

        var labels = frames.Select(p => tracker.Update([See(Centre, AdaFace, Named(p, runnerUp: p == Ada ? Bea : Ada))])[0].Label).ToArray();

        Assert.Equal(["Unknown (confirming)", "Ada", "Ada", "Ada", "Ada", "Ada"], labels);
    }

    [Fact]
    public void A_confirmed_name_ends_at_once_when_the_person_is_deleted_or_marked_not_this_person()
    {
        var deleted = new LiveTracker(new TrackingOptions());
        var marked = new LiveTracker(new TrackingOptions());
        for (var i = 0; i < 5; i++)
        {
            deleted.Update([See(Centre, AdaFace, Named(Ada))]);
            marked.Update([See(Centre, AdaFace, Named(Ada))]);
        }

        // Ada is gone from the gallery: the closest now is Bea, far off.
        var gone = new Verdict(VerdictKind.NobodyClose, 0.1f, null, Bea, null, "Nobody close.", Point);
        var refused = new Verdict(VerdictKind.MarkedNotThisPerson, 0.7f, null, Ada, Bea, "Closer to a face marked \"not Ada\".", Point);

        Assert.Equal("Unknown (nobody close)", deleted.Update([See(Centre, AdaFace, gone)])[0].Label);
        Assert.Equal("Unknown (marked not this person)", marked.Update([See(Centre, AdaFace, refused)])[0].Label);
    }

    [Fact]
    public void Two_faces_keep_their_own_tracks_and_a_face_that_moves_far_is_followed_by_its_likeness()
    {
        var tracker = new LiveTracker(new TrackingOptions());
        var left = new FaceBox(10, 10, 110, 130);
        var right = new FaceBox(400, 10, 500, 130);

        var first = tracker.Update([See(left, AdaFace, Named(Ada)), See(right, BeaFace, Named(Bea))]);

        // They swap sides between frames (no overlap with where either was): likeness decides.
        var swapped = tracker.Update([See(left, BeaFace, Named(Bea)), See(right, AdaFace, Named(Ada))]);

        Assert.Equal([1, 2], first.Select(v => v.TrackId));
        Assert.Equal([2, 1], swapped.Select(v => v.TrackId));
        Assert.Equal(2, tracker.Count);
    }

    [Fact]
    public void A_track_unseen_for_five_frames_ends_and_the_face_returning_starts_over_unknown()
    {
        var tracker = new LiveTracker(new TrackingOptions());
        for (var i = 0; i < 3; i++)
        {
            tracker.Update([See(Centre, AdaFace, Named(Ada))]);
        }

        for (var i = 0; i < 4; i++)
        {
            tracker.Update([]);
        }

        var back = tracker.Update([See(Centre, AdaFace, Named(Ada))])[0];
        Assert.Equal(1, back.TrackId);
        Assert.Equal("Ada", back.Label);

        for (var i = 0; i < 5; i++)
        {
            tracker.Update([]);
        }

        Assert.Equal(0, tracker.Count);
        var returned = tracker.Update([See(Centre, AdaFace, Named(Ada))])[0];
        Assert.Equal(2, returned.TrackId);
        Assert.Equal("Unknown (confirming)", returned.Label);
    }

    [Theory]
    [InlineData(6, 5, "ConfirmFrames")]
    [InlineData(31, 31, "ConfirmFrames")]
    [InlineData(0, 5, "ConfirmFrames")]
    [InlineData(3, 31, "WindowFrames")]
    public void Settings_outside_one_to_thirty_or_k_above_n_are_refused(int k, int n, string member)
    {
        var options = new TrackingOptions { ConfirmFrames = k, WindowFrames = n };

        var problems = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true)
            && !options.Validate(new ValidationContext(options)).Any();

        Assert.False(valid);
        Assert.Contains(problems.Concat(options.Validate(new ValidationContext(options))), p => p.MemberNames.Contains(member));
    }

    [Fact]
    public void The_default_settings_are_valid()
    {
        var options = new TrackingOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Empty(options.Validate(new ValidationContext(options)));
    }

    private static TrackObservation See(FaceBox box, float[] embedding, Verdict verdict) => new(box, embedding, verdict);

    private static Verdict Named(GalleryMatch person, GalleryMatch? runnerUp = null) =>
        new(VerdictKind.Named, person.Similarity, person, person, runnerUp, $"Named {person.Name}.", Point);

    private static Verdict NobodyClose() => new(VerdictKind.NobodyClose, 0.12f, null, Ada, Bea, "Nobody close: the best is 0.12.", Point);

    private static float[] Unit(int axis)
    {
        var vector = new float[8];
        vector[axis] = 1;
        return vector;
    }
}
