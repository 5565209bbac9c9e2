using System.Net;
using System.Net.Http.Json;
using FacePortal.Core.Backup;
using FacePortal.Core.Data;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Backup;

/// <summary>A backup taken while the app runs, restored into a new data directory, is the same installation.</summary>
// About the embedded database file in the data directory: the PostgreSQL leg of test.sh leaves it out.
[Trait("Database", "Sqlite")]
public sealed class BackupRoundTripTests
{
    [Fact]
    public async Task A_restored_backup_recognises_the_same_people_with_the_same_results_and_keeps_the_accounts()
    {
        await using var original = new FacePortalFactory();
        var angelina = await GalleryPeople.EnrollAsync(original, "Angelina Backup", "img1.jpg", "img2.jpg");
        var other = await GalleryPeople.EnrollAsync(original, "Other Backup", "img17.jpg");
        using var admin = await original.SignInAsync();
        var before = await RecognizeCall.RecognizeAsync(admin, "img6.jpg");

        using var zip = new MemoryStream();
        var summary = await InstallationBackup.CreateAsync(original.DataDirectory, DatabaseProvider.Sqlite, zip, TimeProvider.System, TestContext.Current.CancellationToken);
        var restoredDirectory = Path.Combine(Path.GetTempPath(), $"faceportal-restored-{Guid.NewGuid():N}");
        zip.Position = 0;
        await InstallationBackup.RestoreAsync(zip, restoredDirectory, TestContext.Current.CancellationToken);

        await using var restored = new FacePortalFactory { DataDirectory = restoredDirectory };
        using var restoredAdmin = await restored.SignInAsync();
        var after = await RecognizeCall.RecognizeAsync(restoredAdmin, "img6.jpg");

        Assert.Equal(new BackupCounts(2, 3, 3, 0), summary.Counts);
        Assert.Equal(6, summary.Files);
        Assert.Equal(original.BlobFiles().Order(), restored.BlobFiles().Order());
        var face = Assert.Single(after.Faces);
        Assert.Equal("Angelina Backup", face.Verdict.Name);
        Assert.Equal(angelina, face.Verdict.PersonId);
        Assert.Equal(Assert.Single(before.Faces).Verdict.Similarity, face.Verdict.Similarity, 5);
        Assert.Equal(before.Faces[0].Candidates.Select(c => (c.PersonId, c.Similarity)), face.Candidates.Select(c => (c.PersonId, c.Similarity)));
        Assert.Contains(face.Candidates, c => c.PersonId == other);
    }
}
