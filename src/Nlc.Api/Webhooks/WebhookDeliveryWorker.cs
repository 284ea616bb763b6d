using System.Net.Sockets;
using System.Text;
using Nlc.Api.Hosting;
using Nlc.Storage;

namespace Nlc.Api.Webhooks;

/// <summary>
/// Sends due webhook deliveries from the outbox, one at a time, and logs each attempt. Deliveries live in the database, so
/// what is pending when the server stops is sent after it starts again (at least once: a receiver drops repeats by
/// webhook-id). Failures are retried with exponential back-off (<see cref="WebhookRetryPolicy"/>). Connections go only to
/// addresses <see cref="WebhookAddresses"/> allows, checked on the address actually connected to, and redirects are not followed.
/// </summary>
public sealed class WebhookDeliveryWorker(WebhookStore webhooks, NlcOptions options, TimeProvider clock, ILogger<WebhookDeliveryWorker> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    private readonly WebhookRetryPolicy _policy = new(
        TimeSpan.FromSeconds(options.WebhookRetryBaseSeconds),
        TimeSpan.FromSeconds(options.WebhookRetryMaxSeconds),
        TimeSpan.FromHours(options.WebhookDisableAfterHours));

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = CreateClient(options.WebhooksAllowLoopback, TimeSpan.FromSeconds(options.WebhookTimeoutSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await webhooks.DueAsync(BatchSize, stoppingToken);
                foreach (var delivery in due)
                {
                    await DeliverAsync(client, delivery, stoppingToken);
                }

                if (due.Count == BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // A busy or failing database must not stop the server: the deliveries stay in the outbox for the next round.
                logger.LogWarning(error, "Webhook deliveries could not be read or logged; trying again shortly.");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.WebhookPollSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(HttpClient client, PendingDelivery delivery, CancellationToken stoppingToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.Id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(delivery.Secret, delivery.Id, timestamp, delivery.Body));

        bool succeeded;
        int? status = null;
        string? error = null;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stoppingToken);
            status = (int)response.StatusCode;
            succeeded = response.IsSuccessStatusCode;
        }
        catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
        {
            succeeded = false;
            error = failure is TaskCanceledException ? "timed out" : failure.InnerException?.Message ?? failure.Message;
        }

        // The log is written even when the server is stopping: the attempt happened.
        await webhooks.RecordAttemptAsync(delivery, succeeded, status, error, _policy, CancellationToken.None);
    }

    /// <summary>A client that connects only to allowed addresses, follows no redirects and gives up after <paramref name="timeout"/>.</summary>
    internal static HttpClient CreateClient(bool allowLoopback, TimeSpan timeout) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.FirstOrDefault(a => WebhookAddresses.IsAllowed(a, allowLoopback))
                ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no address webhooks may be sent to.");
            var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        Timeout = timeout,
    };
}
