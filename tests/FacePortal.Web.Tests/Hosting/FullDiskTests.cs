using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.Core.People;
using FacePortal.Core.People.Transfer;
using FacePortal.TestSupport;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>The app on a disk that really fills up (a small tmpfs): every request still gets an answer that says so.</summary>
// About the embedded database file in the data directory: the PostgreSQL leg of test.sh leaves it out.
[Trait("Database", "Sqlite")]
public sealed class FullDiskTests
{
    private const string NotSaved = "The server could not save this photo: the disk is full.";

    [Fact]
    public async Task A_full_blob_store_rejects_each_photo_of_a_batch_on_its_own_and_the_batch_goes_on()
    {
        var data = Directory.CreateTempSubdirectory("faceportal-test-").FullName;
        try
        {
            // Only the blob store is on the small disk: uploads arrive and the database works, storing the files fails.
            using var blobs = ScratchMount.CreateAt(Path.Combine(data, "blobs"), 8 * 1024 * 1024);
            await using var factory = new FacePortalFactory { DataDirectory = data };
            await FullBlobStoreAsync(factory, blobs);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task FullBlobStoreAsync(FacePortalFactory factory, ScratchMount blobs)
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Full Disk");
        var good = new[] { "img1.jpg", "img2.jpg", "img4.jpg", "img5.jpg", "img6.jpg", "img7.jpg" }.Select(n => (n, TestPhotos.DeepFace(n))).ToList();
        blobs.Fill();

        var results = await ApiJson.UploadAsync(admin, person, [.. good.Take(3), ("notes.jpg", "not a photo"u8.ToArray()), .. good.Skip(3)]);

        // Seven files, seven results: the photos the disk could not take say so, the bad one keeps its own reason.
        Assert.Equal(["img1.jpg", "img2.jpg", "img4.jpg", "notes.jpg", "img5.jpg", "img6.jpg", "img7.jpg"], results.Select(r => r.FileName));
        Assert.All(results.Where(r => r.FileName != "notes.jpg"), r =>
        {
            Assert.Equal(RejectionReason.NotSaved, r.Reason);
            Assert.Equal(NotSaved, r.Message);
        });
        Assert.Equal(RejectionReason.Unreadable, results[3].Reason);
        Assert.Equal(0, await factory.QueryAsync(db => db.Photos.CountAsync(p => p.PersonId == person)));

        // A zip import reports every file too.
        var report = await ImportAsync(admin, Zip(("Full Disk/a.jpg", good[0].Item2), ("Full Disk/b.jpg", good[1].Item2)));
        Assert.Equal([NotSaved, NotSaved], Assert.Single(report.People).Results.Select(r => r.Message));

        // /healthz says which part cannot be written and why.
        var health = await HealthAsync(factory);
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", health.GetProperty("checks").GetProperty("blob-store").GetProperty("status").GetString());
        Assert.Equal("The blob store cannot be written: the disk is full.", health.GetProperty("checks").GetProperty("blob-store").GetProperty("description").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        // Room again: the same photo is enrolled, without a restart.
        blobs.Empty();
        Assert.Equal(EnrollmentStatus.Accepted, Assert.Single(await ApiJson.UploadAsync(admin, person, good[0])).Status);
    }

    [Fact]
    public async Task A_full_data_directory_answers_api_calls_sign_ins_and_form_posts_with_what_is_wrong()
    {
        using var disk = ScratchMount.Create(24 * 1024 * 1024);
        await using var factory = new FacePortalFactory { DataDirectory = disk.Path };
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Before The Disk Filled");
        disk.Fill();

        // The API: 507 with a sentence, not an empty 405.
        using (var created = await admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Nobody" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.InsufficientStorage, created.StatusCode);
            Assert.Equal("application/problem+json", created.Content.Headers.ContentType?.MediaType);
            var problem = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.StartsWith("The server could not save data: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // An upload batch: each file is answered, even though none could be received to disk.
        var photos = await ApiJson.UploadAsync(admin, person, ("img1.jpg", TestPhotos.DeepFace("img1.jpg")), ("img2.jpg", TestPhotos.DeepFace("img2.jpg")));
        Assert.Equal([NotSaved, NotSaved], photos.Select(r => r.Message));

        // Sign-in: the right password still signs in (only the sign-in time is not saved)...
        using var user = factory.CreateBrowserlessClient();
        using (var right = await FacePortalFactory.PostLoginAsync(user, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Contains(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith(FacePortalFactory.AuthCookieName + "=", StringComparison.Ordinal));
        }

        // ...and a wrong one, which cannot even be counted, is not reported as a wrong password.
        using (var wrong = await FacePortalFactory.PostLoginAsync(factory.CreateBrowserlessClient(), FacePortalFactory.AdminName, "Not-The-Passw0rd!"))
        {
            var page = await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.InsufficientStorage, wrong.StatusCode);
            Assert.Contains("FacePortal cannot save data right now (the disk is full or read-only); ask an administrator.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("The user name or password is not right", page, StringComparison.Ordinal);
        }

        // A page's form post that fails lands on the error page (rendered as a GET), not on an empty 405.
        using (var changed = await PostChangePasswordAsync(admin))
        {
            var page = await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.InsufficientStorage, changed.StatusCode);
            Assert.Contains("Something went wrong", page, StringComparison.Ordinal);
            Assert.Contains("FacePortal cannot save data right now: ", page, StringComparison.Ordinal);
            Assert.Matches("id=\"request-id\">[^<]+<", page);
            Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
            Assert.DoesNotContain("at FacePortal.", page, StringComparison.Ordinal);
        }

        var health = await HealthAsync(factory);
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", health.GetProperty("checks").GetProperty("disk-space").GetProperty("status").GetString());
        Assert.Equal(0, health.GetProperty("checks").GetProperty("disk-space").GetProperty("data").GetProperty("freeBytes").GetInt64());

        // Space again: the same call works, without a restart.
        disk.Empty();
        using var retried = await admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Nobody" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostChangePasswordAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri("/account/password", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = FacePortalFactory.AntiforgeryTokenIn(page),
            ["Input.Current"] = FacePortalFactory.AdminPassword,
            ["Input.New"] = "Another-Passw0rd!",
            ["Input.Confirm"] = "Another-Passw0rd!",
        });
        return await client.PostAsync(new Uri("/account/password", UriKind.Relative), form);
    }

    internal static async Task<JsonElement> HealthAsync(FacePortalFactory factory)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static byte[] Zip(params (string Path, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in entries)
            {
                using var stream = archive.CreateEntry(path).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private static async Task<ImportReport> ImportAsync(HttpClient client, byte[] zip)
    {
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await client.PostAsync(new Uri("/api/v1/import", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ImportReport>(ApiJson.Options, TestContext.Current.CancellationToken))!;
    }
}
