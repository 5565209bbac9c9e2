using Microsoft.ML.OnnxRuntime.Tensors;

namespace FacePortal.Shared.Models;

/// <summary>
/// Seeded random tensors shaped like a model's inputs (a free dimension counts 1), to time a session
/// without real data: the cost of these models does not depend on the pixel values.
/// </summary>
public sealed class SyntheticInput : IDisposable
{
    private readonly string[] _inputNames;
    private readonly OrtValue[] _values;
    private readonly string[] _outputNames;
    private readonly RunOptions _runOptions = new();

    private SyntheticInput(string[] inputNames, OrtValue[] values, string[] outputNames)
    {
        _inputNames = inputNames;
        _values = values;
        _outputNames = outputNames;
    }

    /// <summary>Inputs for <paramref name="session"/>; they also fit any other session of the same model.</summary>
    public static SyntheticInput For(InferenceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var random = new Random(20240611);
        var names = new List<string>();
        var values = new List<OrtValue>();
        try
        {
            foreach (var (name, meta) in session.InputMetadata)
            {
                var shape = meta.Dimensions.Select(d => d > 0 ? (long)d : 1L).ToArray();
                var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, meta.ElementDataType, shape);
                values.Add(value);
                names.Add(name);
                if (meta.ElementDataType == TensorElementType.Float)
                {
                    var data = value.GetTensorMutableDataAsSpan<float>();
                    for (var i = 0; i < data.Length; i++)
                    {
                        data[i] = (float)((random.NextDouble() * 2) - 1);
                    }
                }
                else
                {
                    value.GetTensorMutableRawData().Clear();
                }
            }
        }
        catch
        {
            values.ForEach(v => v.Dispose());
            throw;
        }

        return new SyntheticInput([.. names], [.. values], [.. session.OutputMetadata.Keys]);
    }

    /// <summary>One run of <paramref name="session"/> on these inputs, outputs included; returns its wall time.</summary>
    public TimeSpan Run(InferenceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var started = Stopwatch.GetTimestamp();
        using (session.Run(_runOptions, _inputNames, _values, _outputNames))
        {
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Wall times of <paramref name="runs"/> runs after one untimed warm-up run.</summary>
    public TimeSpan[] Time(InferenceSession session, int runs)
    {
        Run(session);
        var times = new TimeSpan[runs];
        for (var i = 0; i < runs; i++)
        {
            times[i] = Run(session);
        }

        return times;
    }

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }

        _runOptions.Dispose();
    }
}
