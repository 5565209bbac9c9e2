using FacePortal.Core.People;
using FacePortal.Core.ScaleOut;
using FacePortal.Shared.Search;
using FacePortal.Web.ScaleOut;

namespace FacePortal.Web.Tests.ScaleOut;

/// <summary>The messages nodes exchange: what goes on the wire comes back as the same change, and a node skips its own.</summary>
public sealed class GalleryChangeTests
{
    [Fact]
    public void A_change_survives_the_wire_and_reaches_the_listener_as_it_was_made()
    {
        var node = PortalNode.New();
        var face = new GalleryFace(Guid.NewGuid(), Guid.NewGuid(), "Zoë Wire", [0.25f, -1f, 3.5f]);
        var changes = new[]
        {
            new GalleryChange(node.Id, GalleryChangeKind.FaceEnrolled) { Face = face },
            new GalleryChange(node.Id, GalleryChangeKind.FacesRemoved) { FaceIds = [face.FaceId] },
            new GalleryChange(node.Id, GalleryChangeKind.PersonRenamed) { PersonId = face.PersonId, Name = "Zoë Renamed" },
            new GalleryChange(node.Id, GalleryChangeKind.PersonRemoved) { PersonId = face.PersonId },
        };

        var heard = new RecordingListener();
        foreach (var change in changes)
        {
            var received = GalleryChange.FromJson(change.ToJson());
            Assert.NotNull(received);
            Assert.Equal(node.Id, received.Node);
            Assert.True(received.ApplyTo(heard));
        }

        Assert.Equal(
            [$"enrolled {face.FaceId} {face.PersonId} Zoë Wire 0.25,-1,3.5", $"removed {face.FaceId}", $"renamed {face.PersonId} Zoë Renamed", $"removed person {face.PersonId}"],
            heard.Calls);
    }

    [Fact]
    public void A_model_switch_and_garbage_are_not_gallery_changes()
    {
        var model = new GalleryChange(Guid.NewGuid(), GalleryChangeKind.ActiveModelChanged) { ModelId = Guid.NewGuid() };
        var received = GalleryChange.FromJson(model.ToJson());
        Assert.Equal(model.ModelId, received?.ModelId);
        Assert.False(received!.ApplyTo(new RecordingListener()));
        Assert.Null(GalleryChange.FromJson("not json"));
        Assert.Null(GalleryChange.FromJson(null));
    }

    [Fact]
    public void A_session_end_is_for_the_other_nodes_only()
    {
        var self = PortalNode.New();
        var other = PortalNode.New();
        Assert.Equal("user-1", SessionEndChannel.UserFromOtherNode($"{other.Id:N} user-1", self));
        Assert.Null(SessionEndChannel.UserFromOtherNode($"{self.Id:N} user-1", self));
        Assert.Null(SessionEndChannel.UserFromOtherNode("garbage", self));
        Assert.Null(SessionEndChannel.UserFromOtherNode($"{other.Id:N} ", self));
    }

    private sealed class RecordingListener : IGalleryListener
    {
        public List<string> Calls { get; } = [];

        public void FaceEnrolled(GalleryFace face) =>
            Calls.Add($"enrolled {face.FaceId} {face.PersonId} {face.PersonName} {string.Join(',', face.Embedding.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}");

        public void FacesRemoved(IReadOnlyCollection<Guid> faceIds) => Calls.Add($"removed {string.Join(',', faceIds)}");

        public void PersonRenamed(Guid personId, string name) => Calls.Add($"renamed {personId} {name}");

        public void PersonRemoved(Guid personId) => Calls.Add($"removed person {personId}");
    }
}
