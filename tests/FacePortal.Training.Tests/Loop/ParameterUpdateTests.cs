using FacePortal.Training.Heads;
using FacePortal.Training.Loop;
using FacePortal.Training.Metric;
using FacePortal.Training.Scratch;
using FacePortal.Training.Tests.Transfer;
using FacePortal.Training.Transfer;
using TorchSharp;
using static TorchSharp.torch;

namespace FacePortal.Training.Tests.Loop;

/// <summary>
/// The optimizer step: the same numbers as torch.optim, and no crash when garbage is collected while libtorch works
/// (TorchSharp 0.107's own optimizers abort the process within a few hundred steps under <see cref="CollectingThread"/>).
/// </summary>
public sealed class ParameterUpdateTests
{
    private const int Dimensions = 16;

    [Theory]
    [InlineData(OptimizerKind.Adam, 0.9)]
    [InlineData(OptimizerKind.RmsProp, 0.9)]
    [InlineData(OptimizerKind.RmsProp, 0.0)]
    [InlineData(OptimizerKind.Sgd, 0.9)]
    [InlineData(OptimizerKind.Sgd, 0.0)]
    public void Each_step_moves_the_weights_as_torch_optim_does(OptimizerKind kind, double momentum)
    {
        lock (TorchGate.Lock)
        {
            using var scope = torch.NewDisposeScope();
            torch.manual_seed(7);
            var ours = Network();
            var theirs = Network();
            theirs.load(new MemoryStream(TrainingLoop.SaveWeights(ours)));
            using var update = new ParameterUpdate(ours, kind, 0.01, momentum);
            using optim.Optimizer reference = kind switch
            {
                OptimizerKind.Adam => optim.Adam(theirs.parameters(), 0.01),
                OptimizerKind.RmsProp => optim.RMSProp(theirs.parameters(), 0.01, momentum: momentum),
                _ => optim.SGD(theirs.parameters(), 0.01, momentum: momentum),
            };
            var x = torch.randn(24, Dimensions);
            var y = torch.randint(0, 3, 24);
            var initial = ours.parameters().First().detach().clone();

            for (var step = 0; step < 6; step++)
            {
                update.ZeroGrad();
                nn.functional.cross_entropy(ours.forward(x), y).backward();
                update.Step();
                reference.zero_grad();
                nn.functional.cross_entropy(theirs.forward(x), y).backward();
                reference.step();
            }

            var pairs = ours.parameters().Zip(theirs.parameters()).ToList();
            Assert.Equal(4, pairs.Count);
            foreach (var (mine, expected) in pairs)
            {
                Assert.True(mine.allclose(expected, rtol: 1e-5, atol: 1e-7), $"{kind} with momentum {momentum} drifted from torch.optim");
            }

            // And the weights did move: the comparison is not of two untouched networks.
            Assert.False(ours.parameters().First().allclose(initial, rtol: 1e-4, atol: 1e-5));
        }
    }

    [Fact]
    public void A_lower_learning_rate_takes_smaller_steps()
    {
        lock (TorchGate.Lock)
        {
            using var scope = torch.NewDisposeScope();
            torch.manual_seed(3);
            var network = Network();
            using var update = new ParameterUpdate(network, OptimizerKind.Sgd, 0.1, 0);
            var x = torch.randn(24, Dimensions);
            var y = torch.randint(0, 3, 24);

            var fast = StepSize(network, update, x, y);
            update.LearningRate = 0.01;
            var slow = StepSize(network, update, x, y);

            Assert.InRange(slow / fast, 0.05, 0.2);
        }
    }

    [Fact]
    public void Training_survives_garbage_collections_started_by_other_threads()
    {
        var train = FeatureClusters.Make(3, 40, 0.3, 1, Dimensions);
        var validation = FeatureClusters.Make(3, 10, 0.3, 2, Dimensions);
        using var collector = new CollectingThread();
        foreach (var kind in Enum.GetValues<OptimizerKind>())
        {
            // 15 batches an epoch, 405 steps of each optimizer (TorchSharp's Adam crashed within 400 to 1,500); patience keeps every epoch.
            var options = new HeadTrainingOptions { Epochs = 27, BatchSize = 8, HiddenSize = 32, Optimizer = kind, EarlyStoppingPatience = 100 };
            var result = HeadTrainer.Train(train, validation, 3, options, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(27, result.Epochs.Count);
        }

        // The metric head's triplet loss does arithmetic with scalars of its own.
        var people = FeatureClusters.Make(6, 16, 0.1, 3, Dimensions);
        var others = FeatureClusters.Make(6, 6, 0.1, 4, Dimensions);
        var metric = MetricTrainer.Train(people, others, new MetricTrainingOptions { OutputSize = 8, PeoplePerBatch = 4, FacesPerPerson = 4 },
            new HeadTrainingOptions { Epochs = 50, EarlyStoppingPatience = 100 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(50, metric.Epochs.Count);

        // The CNN from scratch: batch norm over images, counting its batches in training mode.
        lock (TorchGate.Lock)
        {
            torch.manual_seed(5);
            using var cnn = new ScratchCnn(3, 0.2);
            using var images = torch.randn(32, 3, 24, 24);
            using var labels = torch.randint(0, 3, 32);
            var cnnRun = TrainingLoop.Run(new ClassifierObjective(cnn, images, labels, images, labels, 4, 5), new HeadTrainingOptions { Epochs = 15, EarlyStoppingPatience = 100 },
                null, TestContext.Current.CancellationToken);
            Assert.Equal(15, cnnRun.Epochs.Count);
        }

        Assert.True(collector.Collections > 100, $"only {collector.Collections} collections ran alongside");
    }

    private static nn.Module<Tensor, Tensor> Network() =>
        nn.Sequential(("dense1", nn.Linear(Dimensions, 12)), ("relu", nn.ReLU()), ("dense2", nn.Linear(12, 3)));

    private static double StepSize(nn.Module<Tensor, Tensor> network, ParameterUpdate update, Tensor x, Tensor y)
    {
        var before = network.parameters().First().detach().clone();
        update.ZeroGrad();
        nn.functional.cross_entropy(network.forward(x), y).backward();
        update.Step();
        return (network.parameters().First() - before).abs().sum().item<float>();
    }

    /// <summary>A thread that collects garbage over and over, as a busy web node or a job's progress writes would now and then.</summary>
    private sealed class CollectingThread : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private int _collections;

        public CollectingThread()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    GC.KeepAlive(new byte[64 * 1024]);
                    GC.Collect(0, GCCollectionMode.Forced, blocking: false);
                    Interlocked.Increment(ref _collections);
                    Thread.Sleep(1); // Without a pause the collections starve the training thread itself.
                }
            })
            { IsBackground = true, Name = "collector" };
            _thread.Start();
        }

        public int Collections => Volatile.Read(ref _collections);

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
