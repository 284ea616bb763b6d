using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Nlc.Api.Tests;

/// <summary>
/// A real webhook receiver on 127.0.0.1 (HttpListener): records every delivery it is sent and answers each with the
/// status <see cref="Answer"/> gives for it (200 unless told otherwise). Verifies signatures as a partner would, with its
/// own reading of the Standard Webhooks scheme (not the server's code).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<Delivery> _received = [];
    private readonly Task _loop;

    /// <summary>One request received, and the status it was answered with.</summary>
    public sealed record Delivery(string Id, string Timestamp, string Signature, string Body, int AnsweredWith);

    public WebhookReceiver(int? port = null)
    {
        Port = port ?? FreePort();
        Url = $"http://127.0.0.1:{Port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url { get; }

    /// <summary>The status to answer the n-th request with (counting from 1).</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    public IReadOnlyList<Delivery> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for what was received, or fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<Delivery>> WaitForAsync(Func<IReadOnlyList<Delivery>, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done(Received))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {seconds} s for {what}; received {Received.Count}: {string.Join(" | ", Received.Select(r => $"{r.Id} {r.AnsweredWith} {r.Body}"))}");
            }

            await Task.Delay(50);
        }

        return Received;
    }

    /// <summary>Whether <paramref name="delivery"/> carries a valid signature for <paramref name="secret"/>.</summary>
    public static bool SignatureIsValid(Delivery delivery, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.{delivery.Body}")));
        return delivery.Signature.Split(' ').Any(s => s == "v1," + expected);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            int status;
            lock (_received)
            {
                status = Answer(_received.Count + 1);
                _received.Add(new Delivery(
                    context.Request.Headers["webhook-id"] ?? "", context.Request.Headers["webhook-timestamp"] ?? "",
                    context.Request.Headers["webhook-signature"] ?? "", body, status));
            }

            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
