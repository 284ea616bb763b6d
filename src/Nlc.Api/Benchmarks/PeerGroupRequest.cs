using Nlc.Core.Benchmarking;
using Nlc.Core.Rubrics;

namespace Nlc.Api.Benchmarks;

/// <summary>A peer group asked for, read and checked: the rubric (latest of its major version), the major version, the period and the filter.</summary>
public sealed record PeerGroupRequest(Rubric Rubric, int Major, string Period, PeerGroupFilter Filter);
