using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Nlc.Core.Tests.PublicApi;

/// <summary>
/// Every public (and protected) type and member of an assembly as C#-like signature lines, sorted, so the text is the
/// same on every machine and a change to the API is a small diff. Compiler-generated members (record equality,
/// Clone, Deconstruct) are left out: a record's shape shows in its constructor and properties.
/// </summary>
internal static class PublicApiListing
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short", [typeof(ushort)] = "ushort",
        [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(char)] = "char",
    };

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static string Of(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var text = new StringBuilder();
        foreach (var type in assembly.GetTypes().Where(IsVisible).OrderBy(TypeName, StringComparer.Ordinal))
        {
            text.Append(Header(type, nullability)).Append('\n');
            foreach (var member in Members(type, nullability).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static bool IsVisible(Type type) =>
        (type.IsPublic || type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem)
        && (type.DeclaringType is null || IsVisible(type.DeclaringType))
        && !type.IsDefined(typeof(CompilerGeneratedAttribute));

    private static bool IsVisible(MethodBase? method) => method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

    private static string Access(MethodBase method) => method.IsPublic ? "public" : "protected";

    private static string Header(Type type, NullabilityInfoContext nullability)
    {
        var access = type.IsPublic || type.IsNestedPublic ? "public" : "protected";
        if (type.IsSubclassOf(typeof(MulticastDelegate)))
        {
            var invoke = type.GetMethod("Invoke")!;
            return $"{access} delegate {Name(invoke.ReturnType, nullability.Create(invoke.ReturnParameter))} {TypeName(type)}({Parameters(invoke, nullability)})";
        }

        var isRecord = type.GetMethod("PrintMembers", Declared) is not null;
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? (isRecord ? "record struct" : "struct") : isRecord ? "record" : "class";
        var modifiers = type.IsInterface || type.IsValueType ? ""
            : type.IsAbstract && type.IsSealed ? "static "
            : type.IsAbstract ? "abstract "
            : type.IsSealed ? "sealed "
            : "";
        var bases = new List<string>();
        if (type.IsEnum)
        {
            bases.Add(Name(Enum.GetUnderlyingType(type), null));
        }
        else
        {
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
            {
                bases.Add(Name(baseType, null));
            }

            bases.AddRange(type.GetInterfaces().Select(i => Name(i, null)).Order(StringComparer.Ordinal));
        }

        return $"{access} {modifiers}{kind} {TypeName(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static IEnumerable<string> Members(Type type, NullabilityInfoContext nullability)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToString(field.GetRawConstantValue(), CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        if (type.IsSubclassOf(typeof(MulticastDelegate)))
        {
            yield break;
        }

        foreach (var constructor in type.GetConstructors(Declared).Where(c => IsVisible(c) && !c.IsStatic && !IsGenerated(c)))
        {
            yield return $"{Access(constructor)} {TypeName(type)}({Parameters(constructor, nullability)})";
        }

        foreach (var method in type.GetMethods(Declared).Where(m => IsVisible(m) && !IsGenerated(m) && (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal))))
        {
            var generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";
            yield return $"{Access(method)} {Modifiers(method, type)}{Name(method.ReturnType, nullability.Create(method.ReturnParameter))} {method.Name}{generic}({Parameters(method, nullability)})";
        }

        foreach (var property in type.GetProperties(Declared).Where(p => (IsVisible(p.GetMethod) || IsVisible(p.SetMethod)) && !IsGenerated(p)))
        {
            var accessor = IsVisible(property.GetMethod) ? property.GetMethod! : property.SetMethod!;
            var name = property.GetIndexParameters().Length > 0 ? $"this[{Parameters(property.GetIndexParameters(), nullability, false)}]" : property.Name;
            var accessors = (IsVisible(property.GetMethod) ? " get;" : "")
                + (!IsVisible(property.SetMethod) ? ""
                    : property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? " init;" : " set;");
            var required = property.IsDefined(typeof(RequiredMemberAttribute)) ? "required " : "";
            yield return $"{Access(accessor)} {Modifiers(accessor, type)}{required}{Name(property.PropertyType, nullability.Create(property))} {name} {{{accessors} }}";
        }

        foreach (var field in type.GetFields(Declared).Where(f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !IsGenerated(f)))
        {
            var access = field.IsPublic ? "public" : "protected";
            var declaration = $"{Name(field.FieldType, nullability.Create(field))} {field.Name}";
            yield return field.IsLiteral
                ? $"{access} const {declaration} = {Literal(field.GetRawConstantValue(), field.FieldType)}"
                : $"{access} {(field.IsStatic ? "static " : "")}{(field.IsInitOnly ? "readonly " : "")}{declaration}";
        }

        foreach (var @event in type.GetEvents(Declared).Where(e => IsVisible(e.AddMethod)))
        {
            yield return $"{Access(@event.AddMethod!)} {Modifiers(@event.AddMethod!, type)}event {Name(@event.EventHandlerType!, nullability.Create(@event))} {@event.Name}";
        }
    }

    private static bool IsGenerated(MemberInfo member) => member.IsDefined(typeof(CompilerGeneratedAttribute)) || member.Name.StartsWith('<');

    private static string Modifiers(MethodInfo method, Type type)
    {
        if (method.IsStatic)
        {
            return "static ";
        }

        if (type.IsInterface)
        {
            return "";
        }

        if (method.GetBaseDefinition().DeclaringType != method.DeclaringType)
        {
            return method.IsFinal ? "sealed override " : "override ";
        }

        return method.IsAbstract ? "abstract " : method.IsVirtual && !method.IsFinal ? "virtual " : "";
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        Parameters(method.GetParameters(), nullability, method.IsDefined(typeof(ExtensionAttribute)));

    private static string Parameters(ParameterInfo[] parameters, NullabilityInfoContext nullability, bool extension) =>
        string.Join(", ", parameters.Select((p, i) =>
        {
            var modifier = i == 0 && extension ? "this "
                : p.IsDefined(typeof(ParamArrayAttribute)) || p.IsDefined(typeof(ParamCollectionAttribute)) ? "params "
                : p.ParameterType.IsByRef ? (p.IsOut ? "out " : p.IsIn ? "in " : "ref ")
                : "";
            var type = p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType;
            var optional = p.HasDefaultValue ? " = " + Literal(p.RawDefaultValue, type) : "";
            return $"{modifier}{Name(type, nullability.Create(p))} {p.Name}{optional}";
        }));

    private static string Literal(object? value, Type type) => value switch
    {
        null => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? "default" : "null",
        string text => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        bool flag => flag ? "true" : "false",
        _ when type.IsEnum => $"{Name(type, null)}.{Enum.ToObject(type, value)}",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string TypeName(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(a => a.Name)) + ">" : type.Name;
        return type.DeclaringType is { } outer ? TypeName(outer) + "." + name : type.Namespace + "." + name;
    }

    /// <summary>The C# name of <paramref name="type"/>, with ? where <paramref name="info"/> says it may be null.</summary>
    private static string Name(Type type, NullabilityInfo? info)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying, info?.GenericTypeArguments.FirstOrDefault()) + "?";
        }

        string name;
        if (type.IsArray)
        {
            name = Name(type.GetElementType()!, info?.ElementType) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }
        else if (type.IsGenericParameter || Keywords.ContainsKey(type))
        {
            name = Keywords.GetValueOrDefault(type) ?? type.Name;
        }
        else if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            var definition = type.GetGenericTypeDefinition();
            var baseName = (definition.DeclaringType is { } outer ? Name(outer, null) : definition.Namespace) + "." + definition.Name[..definition.Name.IndexOf('`', StringComparison.Ordinal)];
            name = baseName + "<" + string.Join(", ", arguments.Select((a, i) =>
                Name(a, info is not null && info.GenericTypeArguments.Length == arguments.Length ? info.GenericTypeArguments[i] : null))) + ">";
        }
        else
        {
            name = type.DeclaringType is { } outer ? Name(outer, null) + "." + type.Name : type.Namespace + "." + type.Name;
        }

        return !type.IsValueType && info?.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }
}
