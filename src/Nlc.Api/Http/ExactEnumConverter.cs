using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nlc.Api.Http;

/// <summary>Reads and writes every enum as its camelCase name, reading only the exact names (<see cref="ExactEnum"/>).</summary>
public sealed class ExactEnumConverter : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return ExactEnum.TryParse<T>(text, out var value)
                ? value
                : throw new JsonException(text is null
                    ? $"expected a string, {ExactEnum.Expected<T>()}"
                    : $"'{text}' is not allowed; expected exactly {ExactEnum.Expected<T>()}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(ExactEnum.NameOf(value));
    }
}
