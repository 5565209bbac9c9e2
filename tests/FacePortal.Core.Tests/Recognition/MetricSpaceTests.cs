using FacePortal.Shared.OpenSet;
using FacePortal.Core.Data;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.Storage;
using FacePortal.Core.Training;
using FacePortal.Shared.Faces;
using FacePortal.TestSupport;
using FacePortal.Training.Metric;
using FacePortal.Training.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Core.Tests.Recognition;

/// <summary>
/// A metric (triplet loss) job through the real runner on celeb24 people enrolled in a real
/// database, then put in use: the gallery searches in the projected space with the metric's
/// threshold and still names the enrolled people; rolling back returns to the raw space.
/// </summary>
public sealed class MetricSpaceTests : IAsyncLifetime
{
    private const int People = 8;
    private const int EnrolledPerPerson = 8;
    private const string Actor = "tests";
    private readonly string _data = Directory.CreateTempSubdirectory("faceportal-metric-tests-").FullName;
    private readonly ServiceProvider _services;
    private readonly List<(Guid Id, string Name, string[] Files)> _people = [];

    public MetricSpaceTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FacePortal:Models:Directory"] = RepoLocations.Models,

            // This class is about the learnt space, not the raw operating point: the raw gallery names at the fixed
            // threshold it was written against (aligned crops enrolled as they are score lower than full photos).
            ["FacePortal:Recognition:SimilarityThreshold"] = "0.40",
        }).Build());
        services.AddLogging();
        services.AddFacePortalCore(_data);
        _services = services.BuildServiceProvider();
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await DatabaseInitializer.InitializeAsync(
            _services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>(), _services.GetRequiredService<BlobStore>(), DateTime.UtcNow, ct);
        var peopleService = _services.GetRequiredService<PeopleService>();
        var enrollment = _services.GetRequiredService<EnrollmentService>();
        foreach (var folder in Directory.GetDirectories(RepoLocations.Celeb24).Order(StringComparer.Ordinal).Take(People))
        {
            var name = Path.GetFileName(folder);
            var files = Directory.GetFiles(folder, "*.png").Order(StringComparer.Ordinal).ToArray();
            var id = (await peopleService.CreateAsync(name, Actor, ct)).Value;
            foreach (var file in files.Take(EnrolledPerPerson))
            {
                await enrollment.EnrollAlignedCropAsync(id, await File.ReadAllBytesAsync(file, ct), Path.GetFileName(file), Actor, ct);
            }

            _people.Add((id, name, files));
        }
    }

    [Fact]
    public async Task A_metric_job_runs_and_once_in_use_the_gallery_searches_its_space_until_rolled_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = _services.GetRequiredService<TrainingJobs>();
        var request = new TrainingRequest
        {
            Model = ModelKind.MetricTriplet,
            PersonIds = _people.Select(p => p.Id).ToList(),
            Augment = false,
            Head = new HeadTrainingOptions { Epochs = 3 },
            Metric = new MetricTrainingOptions { PeoplePerBatch = 4, FacesPerPerson = 4, Episodes = 5 },
        };
        var job = await jobs.QueueAsync(request, Actor, ct);

        await _services.GetRequiredService<TrainingJobRunner>().RunAsync(job.Id, ct);

        var finished = await jobs.GetAsync(job.Id, ct);
        Assert.Equal(TrainingJobStatus.Succeeded, finished!.Status);
        var summary = finished.Result!;
        Assert.Equal(ModelKind.MetricTriplet, summary.Model);
        Assert.Equal(3, summary.OneShot!.TestPeople);
        Assert.Equal(5, summary.Classes.Count); // The people it learnt from: everyone but the three held out.
        Assert.Contains(summary.OneShot.Rows, r => r.Measure.StartsWith("3-way 1-shot", StringComparison.Ordinal) && r.Raw > 0.5 && r.Metric > 0.5);
        Assert.InRange(finished.Epochs.Count, 1, 3);
        var models = await _services.GetRequiredService<TrainedModels>().ListAsync(job.Id, ct);
        Assert.Equal(["best", "last"], models.Select(m => m.Kind).Order(StringComparer.Ordinal));

        var gallery = _services.GetRequiredService<RecognitionGallery>();
        var active = _services.GetRequiredService<ActiveModelService>();
        var recognizer = _services.GetRequiredService<FaceRecognizer>();
        var best = models.Single(m => m.Kind == "best");
        var enrolled = (await gallery.GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, ct)).FaceCount; // Enrollment turns a few crops away (quality, duplicates).
        Assert.True(enrolled > People * (EnrolledPerPerson - 2), $"{enrolled} faces enrolled");
        Assert.True(await active.ActivateAsync(best.Id, Actor, ct));

        var projected = await gallery.GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, ct);
        Assert.NotNull(projected.Projection);
        Assert.Equal(128, projected.VectorDimensions);
        Assert.Equal(enrolled, projected.FaceCount);
        Assert.Equal((float)best.ProbabilityThreshold, recognizer.OperatingPointOf(projected).Threshold);
        Assert.Null(active.For(FacePortal.Core.Galleries.Gallery.DefaultId)!.Head);
        await AssertNamesEnrolledPeopleAsync(recognizer, projected, ct);

        // A face enrolled while the metric is in use is projected on the way in.
        var newcomer = _people[0];
        var enrollment = _services.GetRequiredService<EnrollmentService>();
        var accepted = false;
        foreach (var file in newcomer.Files.Skip(EnrolledPerPerson + 1).TakeWhile(_ => !accepted))
        {
            accepted = (await enrollment.EnrollAlignedCropAsync(newcomer.Id, await File.ReadAllBytesAsync(file, ct), "late.png", Actor, ct)).FaceId is not null;
        }

        Assert.True(accepted);
        Assert.Equal(enrolled + 1, (await gallery.GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, ct)).FaceCount);

        await active.UseGalleryAsync(FacePortal.Core.Galleries.Gallery.DefaultId, Actor, ct);

        var raw = await gallery.GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, ct);
        Assert.Null(raw.Projection);
        Assert.Null(gallery.ProjectionOf(FacePortal.Core.Galleries.Gallery.DefaultId));
        Assert.Equal(512, raw.VectorDimensions);
        Assert.Equal(enrolled + 1, raw.FaceCount);
        Assert.Equal(OperatingPointBasis.FixedThreshold, recognizer.OperatingPointOf(raw).Basis);
        await AssertNamesEnrolledPeopleAsync(recognizer, raw, ct);
    }

    /// <summary>
    /// Photos never enrolled, one per person (detected and aligned, where the enrolled crops were
    /// embedded as they are), those good enough to judge: the closest person is right for nearly all, and most reach the threshold.
    /// </summary>
    private async Task AssertNamesEnrolledPeopleAsync(FaceRecognizer recognizer, Shared.Search.GalleryIndex index, CancellationToken ct)
    {
        var pipeline = _services.GetRequiredService<FacePipeline>();
        int probes = 0, right = 0, closest = 0;
        var verdicts = new List<string>();
        foreach (var person in _people)
        {
            var analysis = pipeline.AnalyzeOnePerson(await File.ReadAllBytesAsync(person.Files[EnrolledPerPerson], ct));
            if (analysis.Primary is not { } face)
            {
                continue;
            }

            var match = recognizer.Match(face, index);
            if (match.Verdict.Kind == VerdictKind.TooPoor)
            {
                // Too poor to judge in any space (the quality gate comes first): not a probe of the space.
                verdicts.Add(match.Verdict.Code);
                continue;
            }

            probes++;
            right += match.Person?.PersonId == person.Id ? 1 : 0;
            closest += match.Candidates[0].PersonId == person.Id ? 1 : 0;
            verdicts.Add(match.Verdict.Code);
        }

        Assert.True(probes >= People - 2, $"only {probes} probes had a face");
        var space = index.Projection is null ? "the raw space" : "the metric space";
        Assert.True(closest >= probes - 1 && right >= probes - 2, $"in {space}, of {probes}: {closest} closest to the right person, {right} named right ({string.Join(", ", verdicts)})");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
