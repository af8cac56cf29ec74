// Reads from a Sodalite hub's API for `sodalite issues` and `sodalite scores`: a GET with the bearer token, and every way it can
// fail as one message for the user (the hub unreachable, the token refused, the hub's own detail for a bad request).
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Sodalite.Qalita;

namespace Sodalite.Cli;

/// <summary>GETs JSON from one hub with a bearer token; a failure is a <see cref="HubReadException"/> whose message is for the user.</summary>
/// <param name="hub">The hub's URL; a path in it is kept (a hub behind a proxy at https://host/sodalite/).</param>
/// <param name="token">The API token.</param>
/// <param name="tokenSource">Where the token came from (--token or SODALITE_HUB_TOKEN), for messages.</param>
internal sealed class HubReader(Uri hub, string token, string tokenSource)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The hub's URL as the user gave it, for messages.</summary>
    public Uri Hub => hub;

    /// <summary>
    /// GETs <paramref name="pathAndQuery"/> (relative to the hub's URL, no leading slash) and reads its JSON array as
    /// <typeparamref name="T"/> items (snake_case keys). Returns the items and the hub's X-Total-Count (how many match in all),
    /// when it sends one.
    /// </summary>
    /// <param name="pathAndQuery">e.g. <c>api/v2/issues?status=open</c>.</param>
    /// <param name="what">What is read, for messages ("the issues").</param>
    /// <param name="ct">Cancels the request.</param>
    /// <exception cref="HubReadException">The hub could not be reached, refused the token or the request, or answered something else than a JSON array.</exception>
    public async Task<(List<T> Items, int? Total)> GetListAsync<T>(string pathAndQuery, string what, CancellationToken ct)
    {
        var baseAddress = new Uri(hub.AbsoluteUri.EndsWith('/') ? hub.AbsoluteUri : hub.AbsoluteUri + "/");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // A read is safe to repeat; a short retry rides out a hub that is restarting without keeping the user waiting long.
        var delivery = new Delivery(http, retries: 2, firstDelay: TimeSpan.FromMilliseconds(250));
        HttpResponseMessage response;
        try
        {
            response = await delivery.SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return request;
            }, $"read {what}", ct);
        }
        catch (PushException e)
        {
            throw new HubReadException($"could not {e.Message} Is the hub running ('sodalite serve'), and is --hub (or SODALITE_HUB_URL) its address?");
        }
        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.Unauthorized:
                    throw new HubReadException($"the hub at {hub} refused the token from {tokenSource} (401: {await Delivery.DetailAsync(response)}). {HowToGetAToken(hub.ToString())}");
                case HttpStatusCode.Forbidden:
                    throw new HubReadException($"the token from {tokenSource} may not read {what} on the hub at {hub} (403: {await Delivery.DetailAsync(response)}). Use a token of a user with the viewer, dataengineer or admin role. {HowToGetAToken(hub.ToString())}");
                case HttpStatusCode.BadRequest:
                    throw new HubReadException($"the hub at {hub} refused the request: {await Delivery.DetailAsync(response)}");
                case HttpStatusCode.NotFound:
                    throw new HubReadException($"the hub at {hub} has no {pathAndQuery.Split('?')[0]} (404): is --hub (or SODALITE_HUB_URL) the address of a Sodalite hub?");
                case var status when !response.IsSuccessStatusCode:
                    throw new HubReadException($"the hub at {hub} could not give {what} ({(int)status}): {await Delivery.DetailAsync(response)}");
            }
            string body = await response.Content.ReadAsStringAsync(ct);
            List<T>? items;
            try
            {
                items = JsonSerializer.Deserialize<List<T>>(body, Json);
            }
            catch (JsonException e)
            {
                throw new HubReadException($"{hub} answered {what} with something other than the hub's JSON ({e.Message}): is --hub (or SODALITE_HUB_URL) the address of a Sodalite hub?");
            }
            int? total = response.Headers.TryGetValues("X-Total-Count", out var values) && int.TryParse(values.FirstOrDefault(), out int n) ? n : null;
            return (items ?? [], total);
        }
    }

    /// <summary>How to get an API token from the hub at <paramref name="hub"/>.</summary>
    public static string HowToGetAToken(string? hub)
    {
        string at = (hub ?? "HUB").TrimEnd('/');
        return $"To get one, sign in (POST {at}/api/v1/auth/signin with the form fields username and password answers an access_token), " +
               $"then POST {at}/api/v1/tokens/create with 'Authorization: Bearer <access_token>'; the README's \"Tokens\" shows it with curl.";
    }
}
