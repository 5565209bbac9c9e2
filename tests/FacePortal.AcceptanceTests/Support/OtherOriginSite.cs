using System.Net;
using System.Text;
using FacePortal.TestSupport;

namespace FacePortal.AcceptanceTests.Support;

/// <summary>
/// Someone else's site on another port of the same loopback address: a different origin, but the
/// same site (ports do not count), so the browser sends the portal's SameSite=Strict cookie with
/// whatever this site's pages make it request. Serves a fixed set of files.
/// </summary>
public sealed class OtherOriginSite : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, (string ContentType, byte[] Body)> _files;
    private readonly Task _serving;

    private OtherOriginSite(IReadOnlyDictionary<string, (string ContentType, byte[] Body)> files)
    {
        _files = files;
        BaseAddress = new Uri($"http://127.0.0.1:{ProcessRunner.FreePort()}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    /// <param name="files">Path (as "/page.html") to content type and body.</param>
    public static OtherOriginSite Start(IReadOnlyDictionary<string, (string ContentType, byte[] Body)> files) => new(files);

    public static (string ContentType, byte[] Body) Html(string html) => ("text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            if (_files.TryGetValue(context.Request.Url!.AbsolutePath, out var file))
            {
                response.ContentType = file.ContentType;
                await response.OutputStream.WriteAsync(file.Body);
            }
            else
            {
                response.StatusCode = (int)HttpStatusCode.NotFound;
            }
        }
    }
}
