namespace Dgt;

/// <summary>Which endpoint an LLM request goes to.</summary>
public enum LmMethod
{
    /// <summary>A plain prompt to the completion endpoint (Ollama <c>/api/generate</c>, OpenAI <c>/v1/completions</c>).</summary>
    Completion,

    /// <summary>Chat messages to the chat endpoint (Ollama <c>/api/chat</c>, OpenAI <c>/v1/chat/completions</c>).</summary>
    ChatCompletion,
}
