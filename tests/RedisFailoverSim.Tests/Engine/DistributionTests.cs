using MathNet.Numerics.Distributions;
using RedisFailoverSim.Engine.Random;

namespace RedisFailoverSim.Tests.Engine;

/// <summary>
/// Sample mean and variance of each distribution the model uses, drawn through MathNet.Numerics from our
/// <see cref="RandomStream"/>, against closed-form values written out here (not MathNet's own properties, which
/// could share a bug: SimSharp shipped a wrong uniform mean, issue #43, and a wrong log-normal, #28/#29).
/// </summary>
/// <remarks>
/// With n = 200 000 draws the sample mean has standard error σ/√n, and the sample variance
/// √((μ₄ − σ⁴)/n), where μ₄ is the fourth central moment. Each check allows 5 standard errors: a correct sampler
/// fails with probability below 10⁻⁶ (and, the seed being fixed, never flakes), while the allowed error is 1–3 %
/// of the variance, so a wrong formula (a factor in the variance, a shifted mean) fails.
/// </remarks>
public class DistributionTests
{
    private const int Samples = 200_000;
    private const double StandardErrors = 5;

    private static (double Mean, double Variance) Moments(Func<RandomStream, double> sample, ulong seed)
    {
        var stream = new RandomStream(seed);
        var draws = new double[Samples];
        for (int i = 0; i < draws.Length; i++)
        {
            draws[i] = sample(stream);
        }

        double mean = draws.Average();
        double variance = draws.Sum(x => (x - mean) * (x - mean)) / (draws.Length - 1);
        return (mean, variance);
    }

    private static void AssertMoments(
        (double Mean, double Variance) actual,
        double mean,
        double variance,
        double fourthCentralMoment)
    {
        double meanTolerance = StandardErrors * Math.Sqrt(variance / Samples);
        double varianceTolerance = StandardErrors * Math.Sqrt((fourthCentralMoment - (variance * variance)) / Samples);
        Assert.InRange(actual.Mean, mean - meanTolerance, mean + meanTolerance);
        Assert.InRange(actual.Variance, variance - varianceTolerance, variance + varianceTolerance);
    }

    [Fact]
    public void ContinuousUniform_2To10_MeanAndVarianceMatch()
    {
        // Mean (a+b)/2 = 6, variance (b−a)²/12 = 5.333, μ₄ = (b−a)⁴/80 = 51.2.
        var moments = Moments(s => ContinuousUniform.Sample(s, 2, 10), seed: 101);

        AssertMoments(moments, mean: 6, variance: 64.0 / 12, fourthCentralMoment: 4096.0 / 80);
    }

    [Fact]
    public void Exponential_Rate2_MeanAndVarianceMatch()
    {
        // Mean 1/λ = 0.5, variance 1/λ² = 0.25, μ₄ = 9/λ⁴.
        var moments = Moments(s => Exponential.Sample(s, 2), seed: 102);

        AssertMoments(moments, mean: 0.5, variance: 0.25, fourthCentralMoment: 9.0 / 16);
    }

    [Fact]
    public void Normal_Mean3Sd2_MeanAndVarianceMatch()
    {
        // Variance σ² = 4, μ₄ = 3σ⁴.
        var moments = Moments(s => Normal.Sample(s, 3, 2), seed: 103);

        AssertMoments(moments, mean: 3, variance: 4, fourthCentralMoment: 3 * 16);
    }

    [Fact]
    public void LogNormal_Mu0Sigma05_MeanAndVarianceMatch()
    {
        // Mean e^(μ+σ²/2); variance (e^σ² − 1)e^(2μ+σ²); μ₄ = variance² (e^4σ² + 2e^3σ² + 3e^2σ² − 3).
        const double mu = 0, sigma = 0.5;
        double s2 = sigma * sigma;
        double mean = Math.Exp(mu + (s2 / 2));
        double variance = (Math.Exp(s2) - 1) * Math.Exp((2 * mu) + s2);
        double mu4 = variance * variance * (Math.Exp(4 * s2) + (2 * Math.Exp(3 * s2)) + (3 * Math.Exp(2 * s2)) - 3);
        var moments = Moments(s => LogNormal.Sample(s, mu, sigma), seed: 104);

        AssertMoments(moments, mean, variance, mu4);
        Assert.Equal(1.1331484530668263, mean, 12);
        Assert.Equal(0.3646958540123865, variance, 12);
    }

    [Fact]
    public void Pareto_Scale1Shape6_MeanAndVarianceMatch()
    {
        // Shape α = 6 > 4, so the fourth moment (hence the variance's standard error) is finite.
        // Raw moments E[X^k] = α x_m^k / (α − k); mean α x_m/(α−1) = 1.2; variance x_m² α / ((α−1)²(α−2)) = 0.06.
        const double scale = 1, shape = 6;
        double Raw(int k) => shape * Math.Pow(scale, k) / (shape - k);
        double mean = shape * scale / (shape - 1);
        double variance = scale * scale * shape / ((shape - 1) * (shape - 1) * (shape - 2));
        double mu4 = Raw(4) - (4 * mean * Raw(3)) + (6 * mean * mean * Raw(2)) - (3 * Math.Pow(mean, 4));
        var moments = Moments(s => Pareto.Sample(s, scale, shape), seed: 105);

        AssertMoments(moments, mean, variance, mu4);
        Assert.Equal(0.06, variance, 12);
        Assert.Equal(Raw(2) - (mean * mean), variance, 12);
    }
}
