// Pushes a Soda results document to the hub (POST /api/v2/scans), with an idempotency key derived from the document, so a
// retried or repeated push never stores it twice.
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Sodalite.Results.Soda;

namespace Sodalite.Qalita;

/// <summary>Pushes results documents to a Sodalite hub.</summary>
/// <param name="delivery">Sends to the hub, with retries.</param>
/// <param name="token">The bearer token.</param>
/// <param name="tokenSource">Where the token came from, for messages.</param>
public sealed class HubClient(Delivery delivery, string token, string tokenSource)
{
    /// <summary>
    /// The push's Idempotency-Key: "sodalite-" and the first 32 hex digits of SHA-256(source, '\n', document bytes), the document
    /// taken without its failed-row samples (<see cref="SodaPushBody.Strip"/>): a scan pushed with its samples and its -srf file
    /// pushed later have the same key, so the hub stores it once.
    /// </summary>
    public static string KeyFor(string source, byte[] document) =>
        "sodalite-" + Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(source + "\n"), .. SodaPushBody.Strip(document)]))[..32];

    /// <summary><c>/api/v2/scans?source=</c> and the source name, URL-escaped.</summary>
    public static string PathFor(string source) => $"/api/v2/scans?source={Uri.EscapeDataString(source)}";

    /// <summary>
    /// Posts <paramref name="document"/> (a Soda results document, UTF-8 JSON) to <paramref name="pathAndQuery"/> (<see
    /// cref="PathFor"/>) with the Idempotency-Key <paramref name="idempotencyKey"/> (<see cref="KeyFor"/>), and returns what the hub
    /// stored. Throws <see cref="PushException"/>: Rejected for a refused token or any other error answer, Unreachable as <see
    /// cref="Delivery.SendAsync"/>.
    /// </summary>
    public async Task<HubPushResult> SendAsync(string pathAndQuery, string idempotencyKey, byte[] document, CancellationToken ct)
    {
        var response = await delivery.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new ByteArrayContent(document) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            return request;
        }, "push to the hub", ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new PushException(PushFailure.Rejected, $"The hub at {delivery.Http.BaseAddress}: {Delivery.TokenHint(response.StatusCode, tokenSource)} ({await Delivery.DetailAsync(response)}).", refusedWith: (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
            throw new PushException(PushFailure.Rejected, $"The hub refused the results ({(int)response.StatusCode}): {await Delivery.DetailAsync(response)}", refusedWith: (int)response.StatusCode);
        var o = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var issues = o["issues"]!;
        return new HubPushResult((int)o["scan_id"]!, (bool)o["duplicate"]!, (int)o["results"]!, (int)issues["opened"]!, (int)issues["updated"]!,
            (int)issues["resolved"]!, (int)issues["reopened"]!, (double?)o["score"]);
    }
}
