using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FacePortal.Training.Loop;

/// <summary>
/// One optimizer step over a model's parameters: Adam, RMSprop or SGD with momentum, computed as torch.optim
/// computes them with its defaults (Adam β 0.9 and 0.999, ε 1e-8; RMSprop α 0.99, ε 1e-8; no weight decay, no
/// Nesterov).
/// </summary>
/// <remarks>
/// Written out rather than taken from TorchSharp 0.107, whose optimizers pass native calls Scalars made by implicit
/// conversion and then drop them: a garbage collection started by another thread (a job's progress writes, a web
/// node's requests) can finalize such a Scalar while libtorch is reading it, and the process aborts with "Expected
/// false to be true ... Scalar.h:140". That killed training workers in our scale-out tests, and a thread that only
/// collects garbage reproduces it within seconds (ParameterUpdateTests). Here every Scalar is a local disposed after
/// its last native call, so it is reachable until then, and no call is left to supply a default one (TorchSharp's
/// add_(Scalar) makes its alpha of 1 implicitly).
/// </remarks>
public sealed class ParameterUpdate : IDisposable
{
    private const double Beta1 = 0.9, Beta2 = 0.999, AdamEpsilon = 1e-8, RmsAlpha = 0.99, RmsEpsilon = 1e-8;

    private readonly OptimizerKind _kind;
    private readonly double _momentum;
    private readonly Slot[] _slots;
    private long _steps;

    public ParameterUpdate(nn.Module model, OptimizerKind kind, double learningRate, double momentum)
    {
        ArgumentNullException.ThrowIfNull(model);
        _kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer.");
        _momentum = momentum;
        LearningRate = learningRate;
        _slots = [.. model.parameters().Where(p => p.requires_grad).Select(p => new Slot(p))];
    }

    /// <summary>The rate of the next steps; the plateau callback lowers it between epochs.</summary>
    public double LearningRate { get; set; }

    /// <summary>Clears the gradients the last backward pass left, before the next one accumulates.</summary>
    public void ZeroGrad()
    {
        foreach (var slot in _slots)
        {
            slot.Parameter.grad?.zero_();
        }
    }

    /// <summary>Moves every parameter that has a gradient one step.</summary>
    public void Step()
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        _steps++;
        switch (_kind)
        {
            case OptimizerKind.Adam:
                AdamStep();
                break;
            case OptimizerKind.RmsProp:
                RmsPropStep();
                break;
            default:
                SgdStep();
                break;
        }
    }

    public void Dispose()
    {
        foreach (var slot in _slots)
        {
            slot.Dispose();
        }
    }

    private void AdamStep()
    {
        var correction1 = 1 - Math.Pow(Beta1, _steps);
        var correction2 = 1 - Math.Pow(Beta2, _steps);
        using var beta1 = Beta1.ToScalar();
        using var rest1 = (1 - Beta1).ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var rest2 = (1 - Beta2).ToScalar();
        using var rootCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var epsilon = AdamEpsilon.ToScalar();
        using var one = 1.0.ToScalar();
        using var stepSize = (-LearningRate / correction1).ToScalar();
        foreach (var (slot, grad) in Gradients())
        {
            slot.First.mul_(beta1).add_(grad, rest1);
            slot.Second.mul_(beta2).addcmul_(grad, grad, rest2);
            var denominator = slot.Second.sqrt().div_(rootCorrection2).add_(epsilon, one);
            slot.Parameter.addcdiv_(slot.First, denominator, stepSize);
        }
    }

    private void RmsPropStep()
    {
        using var alpha = RmsAlpha.ToScalar();
        using var rest = (1 - RmsAlpha).ToScalar();
        using var epsilon = RmsEpsilon.ToScalar();
        using var momentum = _momentum.ToScalar();
        using var one = 1.0.ToScalar();
        using var minusRate = (-LearningRate).ToScalar();
        foreach (var (slot, grad) in Gradients())
        {
            slot.Second.mul_(alpha).addcmul_(grad, grad, rest);
            var average = slot.Second.sqrt().add_(epsilon, one);
            if (_momentum > 0)
            {
                slot.First.mul_(momentum).addcdiv_(grad, average, one);
                slot.Parameter.add_(slot.First, minusRate);
            }
            else
            {
                slot.Parameter.addcdiv_(grad, average, minusRate);
            }
        }
    }

    private void SgdStep()
    {
        using var momentum = _momentum.ToScalar();
        using var one = 1.0.ToScalar();
        using var minusRate = (-LearningRate).ToScalar();
        foreach (var (slot, grad) in Gradients())
        {
            if (_momentum > 0)
            {
                // The buffer starts at zero, so the first step leaves it equal to the gradient, as torch.optim.SGD's does.
                slot.First.mul_(momentum).add_(grad, one);
                slot.Parameter.add_(slot.First, minusRate);
            }
            else
            {
                slot.Parameter.add_(grad, minusRate);
            }
        }
    }

    /// <summary>Each parameter the last backward pass gave a gradient, with it.</summary>
    private IEnumerable<(Slot Slot, Tensor Gradient)> Gradients()
    {
        foreach (var slot in _slots)
        {
            if (slot.Parameter.grad is { } grad)
            {
                yield return (slot, grad);
            }
        }
    }

    /// <summary>A parameter and its running averages (Adam's first and second moments; RMSprop's squares and momentum; SGD's momentum).</summary>
    private sealed class Slot(Parameter parameter) : IDisposable
    {
        public Parameter Parameter { get; } = parameter;

        public Tensor First { get; } = torch.zeros_like(parameter).DetachFromDisposeScope();

        public Tensor Second { get; } = torch.zeros_like(parameter).DetachFromDisposeScope();

        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
        }
    }
}
