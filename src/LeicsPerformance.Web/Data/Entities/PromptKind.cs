using LeicsPerformance.Domain;

namespace LeicsPerformance.Web.Data.Entities;

/// <summary>What a questioning prompt is (<c>questioning_prompt.kind</c>): the text before the list, or one question in it.</summary>
public enum PromptKind
{
    /// <summary>A paragraph introducing the prompts.</summary>
    Introduction,

    /// <summary>One question members may ask.</summary>
    Prompt,
}

public static class PromptKinds
{
    /// <summary>The stored and file code, as the schema's check constraint names it: introduction, prompt.</summary>
    public static string ToCode(this PromptKind kind) => kind == PromptKind.Introduction ? "introduction" : "prompt";

    /// <summary>Reads questioning-prompts.csv's kind column: introduction or prompt, in any case.</summary>
    public static bool TryParse(string? text, out PromptKind kind)
    {
        foreach (var value in Enum.GetValues<PromptKind>())
        {
            if (string.Equals(value.ToCode(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = value;
                return true;
            }
        }

        kind = PromptKind.Prompt;
        return false;
    }

    /// <summary>Reads a stored code; anything else is corrupt data.</summary>
    public static PromptKind FromCode(string code) => StoredCode.Read<PromptKind>(code, ToCode);
}
