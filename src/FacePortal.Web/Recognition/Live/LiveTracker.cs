using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Faces.Geometry;

namespace FacePortal.Web.Recognition.Live;

/// <summary>One face of an analysed frame, as the tracker needs it.</summary>
public readonly record struct TrackObservation(FaceBox Box, ReadOnlyMemory<float> Embedding, Verdict Verdict);

/// <summary>
/// Follows the faces of one live connection across frames and decides what each shows.
/// <para>
/// Linking: a face continues a track when its embedding is like the track's last one — at least
/// <see cref="TrackingOptions.SameFaceSimilarity"/> when the boxes overlap by <see cref="TrackingOptions.MinOverlap"/>
/// (IoU), at least <see cref="TrackingOptions.ReacquireSimilarity"/> anywhere else. Pairs are taken best first
/// (similarity plus overlap), each track and face once; a face left over starts a new track, and a track
/// unseen for <see cref="TrackingOptions.ExpireFrames"/> analysed frames ends. The embedding, not the box,
/// is what keeps a stranger who steps into the same place out of the previous person's track.
/// </para>
/// <para>
/// Naming: a track is named once K (<see cref="TrackingOptions.ConfirmFrames"/>) of its last N
/// (<see cref="TrackingOptions.WindowFrames"/>) frame verdicts name the same person; until then it shows the
/// latest frame's kind of Unknown, or "Unknown (confirming)" when that frame named somebody. A named track
/// keeps its name while K of the last N still name that person (with 3 of 5, one or two Unknown frames after
/// a steady run change nothing) and the latest frame still has them among its two closest people (a person
/// deleted, or marked "not this person", loses the name at once); it switches to another person only when
/// that person reaches K of N.
/// </para>
/// Not thread-safe: a connection's frames are analysed one at a time.
/// </summary>
public sealed class LiveTracker(TrackingOptions options)
{
    private readonly List<LiveTrack> _tracks = [];
    private int _nextId = 1;

    /// <summary>Tracks alive now (seen within the last few frames).</summary>
    public int Count => _tracks.Count;

    /// <summary>Takes one analysed frame's faces; returns each face's track verdict, in the same order.</summary>
    public IReadOnlyList<TrackVerdict> Update(IReadOnlyList<TrackObservation> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var results = new TrackVerdict[faces.Count];
        var taken = new bool[faces.Count];
        var seen = new HashSet<LiveTrack>();
        foreach (var (track, face) in Pairs(faces))
        {
            if (taken[face] || seen.Contains(track))
            {
                continue;
            }

            taken[face] = true;
            seen.Add(track);
            results[face] = track.Observe(faces[face].Box, faces[face].Embedding.Span, faces[face].Verdict);
        }

        foreach (var track in _tracks.Where(t => !seen.Contains(t)))
        {
            track.Missed++;
        }

        _tracks.RemoveAll(t => t.Missed >= options.ExpireFrames);
        for (var face = 0; face < faces.Count; face++)
        {
            if (!taken[face])
            {
                var track = new LiveTrack(_nextId++, options);
                _tracks.Add(track);
                results[face] = track.Observe(faces[face].Box, faces[face].Embedding.Span, faces[face].Verdict);
            }
        }

        return results;
    }

    /// <summary>Every track-face pair that may be linked, best first.</summary>
    private IEnumerable<(LiveTrack Track, int Face)> Pairs(IReadOnlyList<TrackObservation> faces)
    {
        var pairs = new List<(LiveTrack Track, int Face, double Score)>();
        foreach (var track in _tracks)
        {
            for (var i = 0; i < faces.Count; i++)
            {
                var embedding = faces[i].Embedding.Span;
                if (embedding.Length == 0 || embedding.Length != track.Embedding.Length)
                {
                    continue;
                }

                double similarity = EmbeddingMath.CosineSimilarity(track.Embedding, embedding);
                double overlap = track.Box.IntersectionOverUnion(faces[i].Box);
                var linked = overlap >= options.MinOverlap ? similarity >= options.SameFaceSimilarity : similarity >= options.ReacquireSimilarity;
                if (linked)
                {
                    pairs.Add((track, i, similarity + overlap));
                }
            }
        }

        return pairs.OrderByDescending(p => p.Score).Select(p => (p.Track, p.Face));
    }
}
