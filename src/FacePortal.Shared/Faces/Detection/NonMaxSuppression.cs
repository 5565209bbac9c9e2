namespace FacePortal.Shared.Faces.Detection;

/// <summary>Greedy non-maximum suppression: keep the best box, drop those overlapping it, repeat.</summary>
public static class NonMaxSuppression
{
    public static List<FaceDetection> Apply(List<FaceDetection> candidates, float iouThreshold, int maxResults = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        candidates.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<FaceDetection>();
        foreach (var candidate in candidates)
        {
            if (kept.Count >= maxResults)
            {
                break;
            }

            var suppressed = false;
            foreach (var k in kept)
            {
                if (k.Box.IntersectionOverUnion(candidate.Box) > iouThreshold)
                {
                    suppressed = true;
                    break;
                }
            }

            if (!suppressed)
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }
}
