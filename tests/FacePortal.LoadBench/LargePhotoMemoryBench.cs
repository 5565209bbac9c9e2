using System.Diagnostics;
using System.Globalization;
using System.Net;
using FacePortal.TestSupport;
using SkiaSharp;

namespace FacePortal.LoadBench;

/// <summary>
/// Resident memory of the web process under N concurrent 1:1 verifications, each with two photos
/// just under the 20 MB photo limit: before, at the peak, and after the requests (the issue-15 case:
/// 16 concurrent calls took the process from 552 MiB to 1.76 GiB and kept it there).
///   dotnet run -c Release --project tests/FacePortal.LoadBench -- --scenario large-photos [--requests 16]
/// </summary>
internal static class LargePhotoMemoryBench
{
    public static async Task<int> RunAsync(int requests)
    {
        var inv = CultureInfo.InvariantCulture;
        var photo = NearLimitJpeg(19.9 * 1024 * 1024);
        Console.WriteLine(string.Create(inv, $"Photo: {photo.Length / 1024.0 / 1024.0:0.00} MiB JPEG with a real face; {requests} concurrent verify calls with two of them each"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Machine.Cpu()}");
        await using var server = await PortalServer.StartAsync(CancellationToken.None);
        using var cookies = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(cookies) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        await PortalSignIn.SignInAsync(http, PortalServer.AdminName, PortalServer.AdminPassword);
        var before = server.Memory().CurrentMiB;

        var started = Stopwatch.GetTimestamp();
        var statuses = await Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(photo), "first", "first.jpg" },
                { new ByteArrayContent(photo), "second", "second.jpg" },
            };
            try
            {
                using var response = await http.PostAsync(new Uri("api/v1/verify", UriKind.Relative), form);
                return ((int)response.StatusCode).ToString(inv) + (response.Headers.RetryAfter is { } retry ? $" (Retry-After {retry.Delta?.TotalSeconds:0} s)" : string.Empty);
            }
            catch (HttpRequestException e)
            {
                return "connection closed: " + e.HttpRequestError;
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var peak = server.Memory().PeakMiB;
        var afterRequests = server.Memory().CurrentMiB;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after5 = server.Memory().CurrentMiB;
        await Task.Delay(TimeSpan.FromSeconds(15));
        var after20 = server.Memory().CurrentMiB;

        Console.WriteLine(string.Create(inv, $"Answers in {seconds:0.0} s: {string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} x {g.Key}"))}"));
        Console.WriteLine(string.Create(inv, $"Resident memory of the web process: before {before:0} MiB; peak {peak:0} MiB; after the requests {afterRequests:0} MiB; 5 s later {after5:0} MiB; 20 s later {after20:0} MiB"));
        return 0;
    }

    /// <summary>A real face (deepface img1) on a field of noise, re-encoded until the file is just under <paramref name="targetBytes"/>.</summary>
    private static byte[] NearLimitJpeg(double targetBytes)
    {
        using var face = SKBitmap.Decode(Path.Combine(RepoLocations.DeepFace, "img1.jpg"));
        var random = new Random(7);
        int low = 1000, high = 4000;
        byte[] best = [];
        while (low <= high)
        {
            var side = (low + high) / 2;
            var jpeg = Compose(face, side, random);
            if (jpeg.Length <= targetBytes)
            {
                best = jpeg;
                low = side + 1;
            }
            else
            {
                high = side - 1;
            }
        }

        return best;
    }

    private static byte[] Compose(SKBitmap face, int side, Random random)
    {
        using var bitmap = new SKBitmap(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var pixels = new byte[side * side * 4];
        random.NextBytes(pixels);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using (var canvas = new SKCanvas(bitmap))
        {
            var scale = side * 0.6f / Math.Max(face.Width, face.Height);
            var w = face.Width * scale;
            var h = face.Height * scale;
            canvas.DrawBitmap(face, SKRect.Create((side - w) / 2, (side - h) / 2, w, h));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 100);
        return data.ToArray();
    }
}
