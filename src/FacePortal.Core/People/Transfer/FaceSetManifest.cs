using System.Text.Json.Serialization;

namespace FacePortal.Core.People.Transfer;

/// <summary>
/// <c>manifest.json</c> at the root of an exported zip: the people's real names (folder names are
/// made file-system safe) and which files are aligned crops rather than photos.
/// </summary>
public sealed record FaceSetManifest
{
    public const string FileName = "manifest.json";
    public const string FormatName = "faceportal-faces";
    public const int CurrentVersion = 1;

    public string Format { get; init; } = FormatName;

    public int Version { get; init; } = CurrentVersion;

    public DateTime ExportedAt { get; init; }

    public List<ManifestPerson> People { get; init; } = [];

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

public sealed record ManifestPerson(string Name, string Folder, List<ManifestFace> Faces);

/// <param name="File">Path inside the zip, <c>folder/name.png</c>.</param>
/// <param name="Aligned">True for a 112x112 crop on the ArcFace template.</param>
public sealed record ManifestFace(string File, bool Aligned, string? SourceFile, float Sharpness, float Frontalness);
