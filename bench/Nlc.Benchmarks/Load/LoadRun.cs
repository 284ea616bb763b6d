using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Nlc.Benchmarks.Load;

/// <summary>
/// A bounded load against a running API on 127.0.0.1: concurrent reads of one endpoint, or concurrent clients each
/// rewriting the answers of its own assessment with If-Match (retrying every 412). Used by the benchmark (15 s) and by
/// the tests (a few seconds).
/// </summary>
public sealed class LoadRun(Uri server, string key)
{
    /// <summary>What a read load measured.</summary>
    public sealed record ReadResult(long Requests, long Errors, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds);

    /// <summary>What a write load measured, and the last answers each client wrote successfully (assessment id → level).</summary>
    public sealed record WriteResult(
        long Writes, long Retried412, long ServerErrors, long OtherErrors, IReadOnlyDictionary<string, int> LastWritten, IReadOnlyList<string> ErrorSamples);

    /// <summary>GETs a URL from <paramref name="urls"/> (round robin) with the key on <paramref name="connections"/> connections for <paramref name="duration"/>.</summary>
    public async Task<ReadResult> ReadAsync(IReadOnlyList<string> urls, int connections, TimeSpan duration)
    {
        using var client = NewClient(connections);
        return await MeasureAsync(client, i => new HttpRequestMessage(HttpMethod.Get, urls[i % urls.Count]), connections, duration);
    }

    /// <summary>
    /// GETs pages as signed-in people do: each request a URL of <paramref name="pages"/> (round robin) with its person's
    /// sign-in cookie and no key, on <paramref name="connections"/> connections for <paramref name="duration"/>.
    /// </summary>
    public async Task<ReadResult> ReadPagesAsync(IReadOnlyList<(string Url, string Cookie)> pages, int connections, TimeSpan duration)
    {
        using var client = NewClient(connections, withKey: false);
        return await MeasureAsync(
            client,
            i =>
            {
                var (url, cookie) = pages[i % pages.Count];
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("Cookie", cookie);
                return request;
            },
            connections,
            duration);
    }

    private static async Task<ReadResult> MeasureAsync(HttpClient client, Func<int, HttpRequestMessage> requestFor, int connections, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        long requests = 0, errors = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var local = new List<double>();
            for (var i = worker; stopwatch.Elapsed < duration; i += connections)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var request = requestFor(i);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref requests);
            }

            foreach (var latency in local)
            {
                latencies.Add(latency);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new ReadResult(requests, errors, requests / elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    /// <summary>Each of <paramref name="assessmentIds"/> gets its own client that saves all answers at a changing level for <paramref name="duration"/>.</summary>
    public async Task<WriteResult> WriteAsync(IReadOnlyList<string> assessmentIds, IReadOnlyList<string> indicatorIds, TimeSpan duration)
    {
        using var client = NewClient(assessmentIds.Count);
        long writes = 0, retried = 0, serverErrors = 0, otherErrors = 0;
        var lastWritten = new ConcurrentDictionary<string, int>();
        var errorSamples = new ConcurrentQueue<string>();
        var stopwatch = Stopwatch.StartNew();
        var workers = assessmentIds.Select((id, n) => Task.Run(async () =>
        {
            var level = n % 5;
            string? etag = null;
            while (stopwatch.Elapsed < duration)
            {
                etag ??= await ReadETagAsync(client, id);
                var body = JsonSerializer.Serialize(new { answers = indicatorIds.Select(i => new { indicatorId = i, level }) });
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{id}/answers") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                using var response = await client.SendAsync(request);
                switch ((int)response.StatusCode)
                {
                    case 200:
                        Interlocked.Increment(ref writes);
                        lastWritten[id] = level;
                        etag = response.Headers.ETag?.Tag;
                        level = (level + 1) % 5;
                        break;
                    case 412:
                        Interlocked.Increment(ref retried);
                        etag = null;
                        break;
                    case var status:
                        Interlocked.Increment(ref status >= 500 ? ref serverErrors : ref otherErrors);
                        if (errorSamples.Count < 5)
                        {
                            errorSamples.Enqueue($"{status} {await response.Content.ReadAsStringAsync()}");
                        }

                        etag = null;
                        break;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new WriteResult(writes, retried, serverErrors, otherErrors, lastWritten, errorSamples.ToArray());
    }

    private HttpClient NewClient(int connections, bool withKey = true)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5), UseCookies = false, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        if (withKey)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static async Task<string> ReadETagAsync(HttpClient client, string assessmentId)
    {
        using var response = await client.GetAsync($"/api/v1/assessments/{assessmentId}");
        return response.StatusCode == HttpStatusCode.OK ? response.Headers.ETag!.Tag : throw new InvalidOperationException($"GET {assessmentId} answered {(int)response.StatusCode}");
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
