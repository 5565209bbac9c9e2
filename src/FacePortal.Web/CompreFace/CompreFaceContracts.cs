using System.Text.Json.Serialization;

namespace FacePortal.Web.CompreFace;

// The request and response bodies of CompreFace's REST API 1.x (docs/Rest-API-description.md in exadel-inc/CompreFace),
// with its snake_case names. Members a request did not ask for (plugins, status) are left out of the JSON.

/// <summary>{"subject": "..."}: add, rename (the new name), and the answer to add and delete.</summary>
public sealed record SubjectBody([property: JsonPropertyName("subject")] string? Subject);

public sealed record SubjectList([property: JsonPropertyName("subjects")] IReadOnlyList<string> Subjects);

public sealed record SubjectRenamed([property: JsonPropertyName("updated")] bool Updated);

public sealed record DeletedCount([property: JsonPropertyName("deleted")] int Deleted);

/// <summary>One saved example: its id and its subject.</summary>
public sealed record FaceExample([property: JsonPropertyName("image_id")] Guid ImageId, [property: JsonPropertyName("subject")] string Subject);

public sealed record FaceExamplePage(
    [property: JsonPropertyName("faces")] IReadOnlyList<FaceExample> Faces,
    [property: JsonPropertyName("page_number")] int PageNumber,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total_pages")] int TotalPages,
    [property: JsonPropertyName("total_elements")] int TotalElements);

/// <summary>A face's box in image pixels and the detector's probability that it is a face.</summary>
public sealed record CompreFaceBox(
    [property: JsonPropertyName("probability")] float Probability,
    [property: JsonPropertyName("x_max")] int XMax,
    [property: JsonPropertyName("y_max")] int YMax,
    [property: JsonPropertyName("x_min")] int XMin,
    [property: JsonPropertyName("y_min")] int YMin);

/// <summary>Our age model gives years, not CompreFace's age bracket with a probability: low and high round the estimate down and up.</summary>
public sealed record CompreFaceAge([property: JsonPropertyName("low")] int Low, [property: JsonPropertyName("high")] int High);

public sealed record CompreFaceGender([property: JsonPropertyName("probability")] float Probability, [property: JsonPropertyName("value")] string Value);

public sealed record CompreFacePose([property: JsonPropertyName("pitch")] float Pitch, [property: JsonPropertyName("roll")] float Roll, [property: JsonPropertyName("yaw")] float Yaw);

public sealed record SubjectSimilarity([property: JsonPropertyName("subject")] string Subject, [property: JsonPropertyName("similarity")] float Similarity);

/// <summary>One face as detect, recognize and verify answer it; what the request did not ask for is absent.</summary>
public sealed record CompreFaceFace
{
    [JsonPropertyName("age")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CompreFaceAge? Age { get; init; }

    [JsonPropertyName("gender")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CompreFaceGender? Gender { get; init; }

    [JsonPropertyName("pose")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CompreFacePose? Pose { get; init; }

    [JsonPropertyName("embedding")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<float>? Embedding { get; init; }

    [JsonPropertyName("box")]
    public required CompreFaceBox Box { get; init; }

    [JsonPropertyName("landmarks")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int[]>? Landmarks { get; init; }

    /// <summary>Recognize: the closest subjects, best first (prediction_count of them).</summary>
    [JsonPropertyName("subjects")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SubjectSimilarity>? Subjects { get; init; }

    /// <summary>Verify: the similarity to the saved example or to the source face.</summary>
    [JsonPropertyName("similarity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public float? Similarity { get; init; }

    /// <summary>With status=true: milliseconds per stage.</summary>
    [JsonPropertyName("execution_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double>? ExecutionTime { get; init; }
}

public sealed record CompreFaceResult(
    [property: JsonPropertyName("result")] IReadOnlyList<CompreFaceFace> Result,
    [property: JsonPropertyName("plugins_versions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? PluginsVersions);

public sealed record VerificationItem(
    [property: JsonPropertyName("source_image_face")] CompreFaceFace SourceImageFace,
    [property: JsonPropertyName("face_matches")] IReadOnlyList<CompreFaceFace> FaceMatches,
    [property: JsonPropertyName("plugins_versions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? PluginsVersions);

public sealed record VerificationResultBody([property: JsonPropertyName("result")] IReadOnlyList<VerificationItem> Result);

/// <summary>{"embeddings": [[...], ...]}: recognize or verify embeddings a calculator plugin returned.</summary>
public sealed record EmbeddingsBody([property: JsonPropertyName("embeddings")] float[][]? Embeddings);

/// <summary>{"source": [...], "targets": [[...], ...]}: the verification service by embeddings.</summary>
public sealed record EmbeddingPairsBody([property: JsonPropertyName("source")] float[]? Source, [property: JsonPropertyName("targets")] float[][]? Targets);

public sealed record EmbeddingSimilarities(
    [property: JsonPropertyName("embedding")] IReadOnlyList<float> Embedding,
    [property: JsonPropertyName("similarities")] IReadOnlyList<SubjectSimilarity> Similarities);

public sealed record EmbeddingSimilarity([property: JsonPropertyName("embedding")] IReadOnlyList<float> Embedding, [property: JsonPropertyName("similarity")] float Similarity);

public sealed record EmbeddingResults<T>([property: JsonPropertyName("result")] IReadOnlyList<T> Result);

/// <summary>A photo in base64 in a JSON body, as the multipart part of the same name would carry it.</summary>
public sealed class CompreFaceFileBody
{
    [JsonPropertyName("file")]
    public required string File { get; init; }
}

public sealed class CompreFaceFileForm
{
    [JsonPropertyName("file")]
    public required IFormFile File { get; init; }
}

public sealed class CompreFaceVerificationBody
{
    [JsonPropertyName("source_image")]
    public required string SourceImage { get; init; }

    [JsonPropertyName("target_image")]
    public required string TargetImage { get; init; }
}

public sealed class CompreFaceVerificationForm
{
    [JsonPropertyName("source_image")]
    public required IFormFile SourceImage { get; init; }

    [JsonPropertyName("target_image")]
    public required IFormFile TargetImage { get; init; }
}
