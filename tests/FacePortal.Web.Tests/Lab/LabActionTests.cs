using FacePortal.Core.Lab;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Lab;

/// <summary>The lab on the real app: its survey of the enrolled faces, and the move it offers, audited and followed by the gallery.</summary>
public sealed class LabActionTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Fact]
    public async Task A_face_filed_under_the_wrong_person_is_found_moved_audited_and_searched_under_the_right_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var angelina = await GalleryPeople.EnrollAsync(factory, "Lab Angelina", "img1.jpg", "img2.jpg", "img4.jpg", "img5.jpg");
        var other = await GalleryPeople.EnrollAsync(factory, "Lab Other", "img13.jpg", "img14.jpg", "img15.jpg");
        var planted = await GalleryPeople.EnrollAsync(factory, "Lab Third", "img20.jpg", "img21.jpg", "img6.jpg");
        var lab = factory.Services.GetRequiredService<EmbeddingLab>();
        var gallery = factory.Services.GetRequiredService<RecognitionGallery>();
        var index = await gallery.GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, ct);

        var report = await lab.AnalyseAsync(new LabFilter([angelina, other, planted]), ct);

        // img6 is Angelina too: filed under the third person, it is closer to her template than to theirs.
        var mislabel = Assert.Single(report.Survey.Mislabels, m => report.People[m.OtherPerson].Id == angelina);
        var face = report.Faces[mislabel.Face];
        Assert.Equal(planted, face.PersonId);
        var embedding = await factory.QueryAsync(db => db.Faces.Where(f => f.Id == face.FaceId).Select(f => f.Embedding).SingleAsync(ct));
        Assert.Equal(face.FaceId, index.Nearest(planted, FloatBlob.ToFloats(embedding))!.NearestFaceId);

        var moved = await factory.Services.GetRequiredService<PeopleService>().MoveFaceAsync(face.FaceId, angelina, FacePortalFactory.AdminName, ct);

        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal(angelina, await factory.QueryAsync(db => db.Faces.Where(f => f.Id == face.FaceId).Select(f => f.PersonId).SingleAsync(ct)));
        Assert.Equal(angelina, await factory.QueryAsync(db => db.Photos.Where(p => p.Faces.Any(f => f.Id == face.FaceId)).Select(p => p.PersonId).SingleAsync(ct)));
        var audit = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "face.moved", ct));
        Assert.Equal((FacePortalFactory.AdminName, angelina.ToString()), (audit.Actor, audit.SubjectId));
        Assert.Equal("Moved a face (photo 'img6.jpg') from Lab Third to Lab Angelina.", audit.Details);

        // The running gallery follows without a reload: the face now answers for Angelina, not for the third person.
        var match = index.Nearest(angelina, FloatBlob.ToFloats(embedding))!;
        Assert.Equal((face.FaceId, 5), (match.NearestFaceId, match.EnrolledFaces));
        Assert.NotEqual(face.FaceId, index.Nearest(planted, FloatBlob.ToFloats(embedding))!.NearestFaceId);
        var after = await lab.AnalyseAsync(new LabFilter([angelina, other, planted]), ct);
        Assert.DoesNotContain(after.Survey.Mislabels, m => after.Faces[m.Face].FaceId == face.FaceId);

        var again = await factory.Services.GetRequiredService<PeopleService>().MoveFaceAsync(face.FaceId, angelina, FacePortalFactory.AdminName, ct);
        Assert.Equal("This face is already Lab Angelina's.", again.Error);
    }

    [Fact]
    public async Task The_filters_choose_people_quality_and_date()
    {
        var ct = TestContext.Current.CancellationToken;
        var one = await GalleryPeople.EnrollAsync(factory, "Filter One", "img1.jpg", "img2.jpg");
        var two = await GalleryPeople.EnrollAsync(factory, "Filter Two", "img13.jpg");
        var lab = factory.Services.GetRequiredService<EmbeddingLab>();

        var onlyOne = await lab.AnalyseAsync(new LabFilter([one]), ct);
        var both = await lab.AnalyseAsync(new LabFilter([one, two]), ct);
        var future = await lab.AnalyseAsync(new LabFilter([one, two], From: DateTime.UtcNow.AddDays(1)), ct);
        var good = await lab.AnalyseAsync(new LabFilter([one, two], LabQuality.Good), ct);
        var low = await lab.AnalyseAsync(new LabFilter([one, two], LabQuality.Low), ct);

        Assert.Equal((2, 1), (onlyOne.Faces.Count, onlyOne.People.Count));
        Assert.Equal(["Filter One", "Filter Two"], both.People.Select(p => p.Name));
        Assert.Equal(3, both.Faces.Count);
        Assert.NotNull(both.Survey.Projection);
        Assert.Empty(future.Faces);
        Assert.Equal(3, good.Faces.Count + low.Faces.Count);
        Assert.All(low.Faces, f => Assert.NotEmpty(lab.SurveyOptions.Quality.Problems(f.Quality)));
    }
}
