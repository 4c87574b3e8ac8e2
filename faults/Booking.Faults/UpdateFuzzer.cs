using System.Text;
using System.Text.Json.Nodes;
using Booking.TestKit.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.Faults;

/// <summary>Makes one hostile or malformed update after another from a seeded random source, as webhook JSON.</summary>
public sealed class UpdateFuzzer(FakeBotApi api, IReadOnlyList<FakeUser> clients, (List<string> Client, List<string> Admin) pool, Random rng)
{
    private static readonly string[] UnknownKinds =
        ["channel_post", "inline_query", "poll", "message_reaction", "chat_join_request", "business_message", "brand_new_kind"];

    private static readonly string[] Commands = ["/admin", "/audit", "/book", "/start svc_999999", "/start ../../etc", "/web", "/forgetme", "/my"];

    private long _rawId = 5_000_000;

    public Dictionary<string, int> Kinds { get; } = [];

    public List<(long UserId, string Data)> SentCallbacks { get; } = [];

    public List<(long UserId, string Data)> SentAdminCallbacks { get; } = [];

    public int Callbacks => SentCallbacks.Count;

    /// <summary>Query ids of the callbacks sent as well-formed JSON (the ones Telegram could really send): each needs an answer.</summary>
    public List<string> WellFormedQueries { get; } = [];

    public string Next()
    {
        var user = clients[rng.Next(clients.Count)];
        return rng.Next(10) switch
        {
            0 => Count("random-callback", Callback(user, RandomData(), admin: false)),
            1 => Count("mutated-callback", Callback(user, Mutate(Pick(pool.Client.Concat(pool.Admin).ToList())), admin: false)),
            2 => Count("admin-callback-from-client", Callback(user, Pick(pool.Admin), admin: true)),
            3 => Count("wrong-json-types", WrongTypes(user)),
            4 => Count("huge-text", api.Prepare(user.TextUpdate(RandomText(rng.Next(4097, 60_000))))),
            5 => Count("unknown-kind", UnknownKind(user)),
            6 => Count("edited-message", Edited(user)),
            7 => Count("group-or-channel", GroupOrChannel(user)),
            8 => Count("command-or-text", api.Prepare(user.TextUpdate(rng.Next(2) == 0 ? Pick(Commands) : RandomText(rng.Next(1, 300))))),
            _ => Count("callback-on-unknown-message", Callback(user, Pick(pool.Client), admin: false, messageId: rng.Next(1, int.MaxValue))),
        };
    }

    public string Describe(string queryId) => _described.GetValueOrDefault(queryId) ?? queryId;

    private readonly Dictionary<string, string> _described = [];

    private string Count(string kind, string json)
    {
        Kinds[kind] = Kinds.GetValueOrDefault(kind) + 1;
        return json;
    }

    private string Callback(FakeUser user, string data, bool admin, int? messageId = null)
    {
        var message = messageId ?? (user.Messages.Count > 0 ? user.Messages[rng.Next(user.Messages.Count)].MessageId : 1);
        SentCallbacks.Add((user.Id, data));
        if (admin)
        {
            SentAdminCallbacks.Add((user.Id, data));
        }

        var update = user.PressDataUpdate(message, data);
        var json = api.Prepare(update);
        WellFormedQueries.Add(update.CallbackQuery!.Id);
        _described[update.CallbackQuery.Id] = $"'{data}' from {user.Id} on message {message}";
        return json;
    }

    private string RandomData()
    {
        // Printable ASCII mostly, some Cyrillic and emoji (never split); Telegram caps callback data at 64 bytes.
        var sb = new StringBuilder();
        var length = rng.Next(1, 65);
        while (true)
        {
            var piece = rng.Next(20) switch
            {
                0 => "ж",
                1 => "🔥",
                2 => ":",
                3 => "|",
                _ => ((char)rng.Next(33, 127)).ToString(),
            };
            if (Encoding.UTF8.GetByteCount(sb.ToString() + piece) > length)
            {
                return sb.Length > 0 ? sb.ToString() : "x";
            }

            sb.Append(piece);
        }
    }

    private string Mutate(string data)
    {
        var chars = data.ToCharArray();
        switch (rng.Next(5))
        {
            case 0:
                // Another number where a number was: someone else's booking, a day far away, a negative id.
                var digits = Enumerable.Range(0, chars.Length).Where(i => char.IsDigit(chars[i])).ToList();
                if (digits.Count > 0)
                {
                    chars[Pick(digits)] = (char)('0' + rng.Next(10));
                }

                return new string(chars);
            case 1:
                return data[..rng.Next(data.Length + 1)];
            case 2:
                return (data + ":" + rng.Next()).Length <= 64 ? data + ":" + rng.Next() : data;
            case 3:
                return data.Replace(':', '|');
            default:
                if (chars.Length > 0)
                {
                    chars[rng.Next(chars.Length)] = (char)rng.Next(33, 127);
                }

                return new string(chars);
        }
    }

    private string WrongTypes(FakeUser user)
    {
        var node = JsonNode.Parse(api.Prepare(rng.Next(2) == 0 ? user.TextUpdate("/start") : user.PressDataUpdate(1, Pick(pool.Client))))!.AsObject();
        var inner = (node["message"] ?? node["callback_query"])!.AsObject();
        switch (rng.Next(8))
        {
            case 0:
                node["update_id"] = "not-a-number";
                break;
            case 1:
                node[node.ContainsKey("message") ? "message" : "callback_query"] = "a string";
                break;
            case 2:
                inner["from"] = new JsonArray(1, 2, 3);
                break;
            case 3:
                (inner["chat"] as JsonObject ?? inner)["id"] = "123abc";
                break;
            case 4:
                inner[inner.ContainsKey("text") ? "text" : "data"] = new JsonObject { ["nested"] = true };
                break;
            case 5:
                inner["date"] = long.MaxValue;
                break;
            case 6:
                inner["from"] = null;
                break;
            default:
                return "{\"update_id\":" + rng.Next() + ",\"message\":{\"message_id\":1,\"text\":" + new string('[', rng.Next(1, 200));
        }

        return node.ToJsonString();
    }

    private string UnknownKind(FakeUser user) => new JsonObject
    {
        ["update_id"] = ++_rawId,
        [Pick(UnknownKinds)] = new JsonObject
        {
            ["id"] = rng.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = new JsonObject { ["id"] = user.Id, ["is_bot"] = false, ["first_name"] = user.FirstName },
            ["query"] = RandomText(20),
        },
    }.ToJsonString();

    private string Edited(FakeUser user)
    {
        var update = user.TextUpdate(Pick(Commands));
        (update.EditedMessage, update.Message) = (update.Message, null);
        update.EditedMessage!.EditDate = update.EditedMessage.Date;
        return api.Prepare(update);
    }

    private string GroupOrChannel(FakeUser user)
    {
        var update = user.TextUpdate(Pick(Commands));
        var group = rng.Next(3) switch
        {
            0 => ChatType.Group,
            1 => ChatType.Supergroup,
            _ => ChatType.Channel,
        };
        update.Message!.Chat = new Chat { Id = -100_000_000_000 - rng.Next(1000), Type = group, Title = "Чат" };
        if (group == ChatType.Channel)
        {
            (update.ChannelPost, update.Message) = (update.Message, null);
        }
        else if (rng.Next(2) == 0)
        {
            // A group message from an owner must not open the admin panel in the group.
            update.Message.From = new User { Id = Booking.TestKit.Hosting.BotScenario.AdminId, FirstName = "Owner" };
        }

        return api.Prepare(update);
    }

    private string RandomText(int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(rng.Next(30) == 0 ? '\n' : (char)rng.Next(0x20, 0x500));
        }

        return sb.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
