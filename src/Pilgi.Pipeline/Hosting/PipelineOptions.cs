using Pilgi.Pipeline.Orchestration;
using Pilgi.Reading;

namespace Pilgi.Pipeline.Hosting;

/// <summary>
/// Settings of the pipeline: the reading flow's (<see cref="ReadingOptions"/>, the same section
/// <see cref="ReadingOptions.SectionName"/>) and the orchestration's own.
/// </summary>
public sealed class PipelineOptions : ReadingOptions
{
    /// <summary>Retries of failed activities (never of bad input).</summary>
    public ActivityRetrySettings Retry { get; set; } = new();
}
