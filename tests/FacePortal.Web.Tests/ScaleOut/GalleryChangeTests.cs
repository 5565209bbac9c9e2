using FacePortal.Core.Galleries;
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
        var site = Guid.NewGuid();
        var changes = new[]
        {
            new GalleryChange(node.Id, GalleryChangeKind.FaceEnrolled) { GalleryId = site, Face = face },
            new GalleryChange(node.Id, GalleryChangeKind.FacesRemoved) { GalleryId = site, FaceIds = [face.FaceId] },
            new GalleryChange(node.Id, GalleryChangeKind.PersonRenamed) { GalleryId = site, PersonId = face.PersonId, Name = "Zoë Renamed" },
            new GalleryChange(node.Id, GalleryChangeKind.PersonRemoved) { GalleryId = site, PersonId = face.PersonId },
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
            [$"{site} enrolled {face.FaceId} {face.PersonId} Zoë Wire 0.25,-1,3.5", $"{site} removed {face.FaceId}", $"{site} renamed {face.PersonId} Zoë Renamed", $"{site} removed person {face.PersonId}"],
            heard.Calls);
    }

    [Fact]
    public void A_message_from_a_node_without_galleries_applies_to_Main()
    {
        var personId = Guid.NewGuid();
        var old = $$"""{"node":"{{Guid.NewGuid()}}","kind":{{(int)GalleryChangeKind.PersonRemoved}},"personId":"{{personId}}"}""";

        var received = GalleryChange.FromJson(old);
        var heard = new RecordingListener();

        Assert.True(received!.ApplyTo(heard));
        Assert.Equal([$"{Gallery.DefaultId} removed person {personId}"], heard.Calls);
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

        public void FaceEnrolled(Guid galleryId, GalleryFace face) =>
            Calls.Add($"{galleryId} enrolled {face.FaceId} {face.PersonId} {face.PersonName} {string.Join(',', face.Embedding.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}");

        public void FacesRemoved(Guid galleryId, IReadOnlyCollection<Guid> faceIds) => Calls.Add($"{galleryId} removed {string.Join(',', faceIds)}");

        public void PersonRenamed(Guid galleryId, Guid personId, string name) => Calls.Add($"{galleryId} renamed {personId} {name}");

        public void PersonRemoved(Guid galleryId, Guid personId) => Calls.Add($"{galleryId} removed person {personId}");
    }
}
