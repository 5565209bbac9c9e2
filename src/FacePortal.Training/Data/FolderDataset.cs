using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Alignment;
using FacePortal.Shared.Imaging;

namespace FacePortal.Training.Data;

/// <summary>
/// A folder per person of photos (the layout Keras' flow_from_directory reads): each photo's
/// primary face (<see cref="PrimaryFace"/>) is aligned; photos without a usable face are listed, not fatal.
/// </summary>
public static class FolderDataset
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".bmp" };

    public static (FaceDataset Dataset, IReadOnlyList<string> Skipped) Load(FacePipeline pipeline, string directory, IReadOnlyList<string>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"There is no folder {directory}.");
        }

        var people = classes ?? Directory.GetDirectories(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        return FromGroups(pipeline, people.Select(person =>
        {
            var folder = Path.Combine(directory, person);
            IReadOnlyList<string> files = Directory.Exists(folder)
                ? Directory.GetFiles(folder).Where(f => ImageExtensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal).ToList()
                : [];
            return (person, files);
        }).ToList());
    }

    /// <summary>Named groups of photo files, a class per group in the order given; photos without a usable face are listed.</summary>
    public static (FaceDataset Dataset, IReadOnlyList<string> Skipped) FromGroups(FacePipeline pipeline, IReadOnlyList<(string Name, IReadOnlyList<string> Files)> groups)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(groups);
        var faces = new List<LabelledFace>();
        var skipped = new List<string>();
        for (var label = 0; label < groups.Count; label++)
        {
            foreach (var file in groups[label].Files)
            {
                try
                {
                    var found = pipeline.AnalyzeOnePerson(File.ReadAllBytes(file));
                    if (found.Primary is null)
                    {
                        skipped.Add($"{file}: no face found");
                        continue;
                    }

                    faces.Add(new LabelledFace(found.Primary.AlignedFace, label, file));
                }
                catch (ImageDecodeException e)
                {
                    skipped.Add($"{file}: {e.Message}");
                }
            }
        }

        return (new FaceDataset(groups.Select(g => g.Name).ToList(), faces), skipped);
    }
}
