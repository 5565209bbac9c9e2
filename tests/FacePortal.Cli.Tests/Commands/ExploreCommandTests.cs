using FacePortal.Cli.Commands;
using FacePortal.TestSupport;

namespace FacePortal.Cli.Tests.Commands;

public sealed class ExploreCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceportal-explore-").FullName;

    [Fact]
    public void Finds_a_face_planted_under_the_wrong_person_in_celeb24()
    {
        // Four people, ten faces each, and one of Tom Hanks' faces filed under Will Smith.
        string[] people = ["Barack_Obama", "Keanu_Reeves", "Tom_Hanks", "Will_Smith"];
        foreach (var person in people)
        {
            var target = Directory.CreateDirectory(Path.Combine(_work, person)).FullName;
            foreach (var file in ImageFolder.List(Path.Combine(RepoLocations.Celeb24, person)).Take(10))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        var planted = ImageFolder.List(Path.Combine(RepoLocations.Celeb24, "Tom_Hanks"))[12];
        File.Copy(planted, Path.Combine(_work, "Will_Smith", "planted.png"));
        var output = new StringWriter();

        var exit = ExploreCommand.Run(new CommandArguments(["--data", _work, "--models", RepoLocations.Models]), output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Matches(@"4 people, 4\d faces", text);
        Assert.Matches(@"PCA: PC1 explains \d+\.\d % of the variance, PC2 \d+\.\d %", text);
        Assert.Matches(@"\n\s+2\s+\d+\.\d\d\s+-?\d\.\d{3}\s+\d\.\d{3}\s+-?\d\.\d{3}", text);
        Assert.Contains("Suggested k: ", text, StringComparison.Ordinal);
        Assert.Matches(@"Will_Smith/planted\.png: own -?\d\.\d{3}, Tom_Hanks \d\.\d{3}", text);
        Assert.Contains("Near-duplicates (cosine at least 0.92):", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
