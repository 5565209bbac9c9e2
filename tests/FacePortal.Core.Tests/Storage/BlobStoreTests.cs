using FacePortal.Core.Storage;

namespace FacePortal.Core.Tests.Storage;

public sealed class BlobStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("faceportal-blobs-").FullName;

    [Fact]
    public async Task Stores_content_once_under_its_hash_and_reads_it_back()
    {
        var store = new BlobStore(_root);
        byte[] content = [1, 2, 3, 4];

        var first = await store.PutAsync(content, TestContext.Current.CancellationToken);
        var second = await store.PutAsync(content, TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
        Assert.Equal("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a", first);
        Assert.Equal(content, await store.ReadAllAsync(first, TestContext.Current.CancellationToken));
        var file = Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
        Assert.Equal(Path.Combine(_root, "9f", "64", first), file);
        Assert.Equal([first], store.Enumerate().Select(e => e.Hash));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("9F64A747E1B97F131FABB6B447296C9B6F0201E79FB3C5356E6C77E89B6A806A")]
    [InlineData("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806")]
    [InlineData("")]
    public void Refuses_anything_but_a_lower_case_sha256_as_a_name(string name)
    {
        var store = new BlobStore(_root);
        Assert.False(BlobStore.IsValidHash(name));
        Assert.Throws<ArgumentException>(() => store.OpenRead(name));
        Assert.Throws<ArgumentException>(() => store.Delete(name));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_stale_temporary_files_are_swept()
    {
        var store = new BlobStore(_root);
        var hash = await store.PutAsync(new byte[] { 9 }, TestContext.Current.CancellationToken);
        var leftover = Path.Combine(_root, "ab", "cd", "abcd.123.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        await File.WriteAllTextAsync(leftover, "half a file", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-2));

        Assert.True(store.Delete(hash));
        Assert.False(store.Delete(hash));
        Assert.Null(store.OpenRead(hash));
        Assert.Equal(1, store.DeleteStaleTempFiles(DateTime.UtcNow.AddHours(-1)));
        Assert.False(File.Exists(leftover));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
