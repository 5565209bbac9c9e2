using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FacePortal.Web.Uploads;

/// <summary>How many parts a multipart request may hold and how large each may be.</summary>
/// <param name="PartNoun">What a part is, for messages: "photo", "zip".</param>
/// <param name="RefuseOversizedParts">
/// True: a part over <paramref name="MaxPartBytes"/> refuses the whole request (413) as soon as the
/// limit is crossed. False: that part is only marked <see cref="SpooledPart.TooLarge"/> and the others are read.
/// </param>
public sealed record MultipartLimits(int MaxParts, long MaxPartBytes, string PartNoun, bool RefuseOversizedParts);

/// <summary>
/// Reads a multipart/form-data request as a stream, part by part, each part into its own request
/// buffer (<see cref="RequestBuffers"/>) as it arrives: nothing waits in memory or in the system's
/// temp folder, and a part the disk cannot hold (full or read-only) is marked with its
/// <see cref="StorageFailure"/> while the other parts are still read, so callers can answer per file.
/// Dispose it to delete the buffers.
/// </summary>
public sealed class MultipartSpool : IAsyncDisposable
{
    private readonly List<SpooledPart> _parts = [];

    private MultipartSpool()
    {
    }

    public IReadOnlyList<SpooledPart> Parts => _parts;

    /// <summary>The parts, or a problem (415, 400, 413) to answer instead.</summary>
    public static async Task<(MultipartSpool? Spool, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, RequestBuffers buffers, MultipartLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(buffers);
        ArgumentNullException.ThrowIfNull(limits);
        if (Boundary(request) is not { } boundary)
        {
            return (null, TypedResults.Problem($"Send the {limits.PartNoun}s as multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        var spool = new MultipartSpool();
        var reader = new MultipartReader(boundary, request.Body);
        ProblemHttpResult? problem;
        try
        {
            problem = await spool.ReadPartsAsync(reader, buffers, limits, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            problem = RequestTooLarge(request);
        }
        catch (Exception e) when ((e is IOException or InvalidDataException or BadHttpRequestException) && StorageFailure.Of(e) is null)
        {
            problem = TypedResults.Problem("The multipart request is malformed or was cut short.", statusCode: StatusCodes.Status400BadRequest);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }

        if (problem is null)
        {
            return (spool, null);
        }

        await spool.DisposeAsync();
        return (null, problem);
    }

    private async Task<ProblemHttpResult?> ReadPartsAsync(MultipartReader reader, RequestBuffers buffers, MultipartLimits limits, CancellationToken ct)
    {
        var chunk = new byte[81920];
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (_parts.Count >= limits.MaxParts)
            {
                return TypedResults.Problem(
                    $"More than {limits.MaxParts} {limits.PartNoun}s were sent; at most {limits.MaxParts} are accepted at once.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data")
                || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
            {
                continue;
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            var part = new SpooledPart(name, string.IsNullOrEmpty(fileName) ? null : fileName);
            _parts.Add(part);
            await part.FillAsync(section.Body, buffers, limits.MaxPartBytes, chunk, ct);
            if (part.TooLarge && limits.RefuseOversizedParts)
            {
                return TypedResults.Problem(
                    $"The {limits.PartNoun} '{part.FileName ?? part.Name}' is larger than {limits.MaxPartBytes / (1024 * 1024)} MB.",
                    statusCode: StatusCodes.Status413PayloadTooLarge);
            }
        }

        return null;
    }

    private static string? Boundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
        && contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is { Length: > 0 } boundary
            ? boundary
            : null;

    private static ProblemHttpResult RequestTooLarge(HttpRequest request)
    {
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return TypedResults.Problem(
            limit is { } bytes ? $"The request is larger than {bytes / (1024 * 1024)} MB. Send less at once." : "The request is too large. Send less at once.",
            statusCode: StatusCodes.Status413PayloadTooLarge);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in _parts)
        {
            await part.DisposeAsync();
        }

        _parts.Clear();
    }
}

/// <summary>One part of a multipart request, waiting in a request buffer, or the reason it is not there.</summary>
public sealed class SpooledPart : IAsyncDisposable
{
    private FileStream? _content;

    internal SpooledPart(string name, string? fileName)
    {
        Name = name;
        FileName = fileName;
    }

    /// <summary>The form field's name.</summary>
    public string Name { get; }

    /// <summary>The file name the client gave; null for a plain form field.</summary>
    public string? FileName { get; }

    /// <summary>The bytes the part held (all of them, even when it was too large or could not be stored).</summary>
    public long Length { get; private set; }

    public bool TooLarge { get; private set; }

    /// <summary>Why the part could not be stored (a full or read-only disk); null when it was.</summary>
    public StorageFailure? Failure { get; private set; }

    /// <summary>The stored content, at position 0; null when the part is too large or could not be stored.</summary>
    public Stream? Content => _content;

    /// <summary>The whole part as one array of its exact size (a growing buffer would hold up to three times the photo).</summary>
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken ct)
    {
        var content = _content ?? throw new InvalidOperationException($"The part '{Name}' was not stored.");
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        content.Position = 0;
        await content.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

    internal async Task FillAsync(Stream body, RequestBuffers buffers, long maxBytes, byte[] chunk, CancellationToken ct)
    {
        _content = Store(buffers.Create);
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            Length += read;
            if (_content is null)
            {
                // Too large or not storable: the rest of the part is read and dropped, so the next part can be read.
                continue;
            }

            if (Length > maxBytes)
            {
                TooLarge = true;
                await DiscardAsync();
                continue;
            }

            await StoreAsync(() => _content.WriteAsync(chunk.AsMemory(0, read), ct).AsTask());
        }

        if (_content is not null)
        {
            // Buffered bytes reach the disk here, so a full disk is found now, not when the part is read.
            await StoreAsync(() => _content.FlushAsync(ct));
            if (_content is not null)
            {
                _content.Position = 0;
            }
        }
    }

    private FileStream? Store(Func<FileStream> create)
    {
        try
        {
            return create();
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
        {
            Failure = failure;
            return null;
        }
    }

    private async Task StoreAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
        {
            Failure = failure;
            await DiscardAsync();
        }
    }

    private async Task DiscardAsync()
    {
        var content = _content;
        _content = null;
        if (content is null)
        {
            return;
        }

        try
        {
            await content.DisposeAsync();
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is not null)
        {
            // Closing flushes what was buffered, which fails again on a full disk; the file is deleted all the same.
        }
    }

    public ValueTask DisposeAsync() => new(DiscardAsync());
}
