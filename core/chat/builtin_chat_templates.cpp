// The built-in fallback chat templates, offered by name for models whose own template is missing or
// cannot be rendered. Their text equals tests/data/chat/templates/builtin-<name>.jinja (a test checks).
#include "core/chat/chat_template.h"

namespace tb::chat {

const std::vector<BuiltinChatTemplate>& builtinChatTemplates() {
    static const std::vector<BuiltinChatTemplate> templates = {
        {"chatml", "ChatML (<|im_start|>role ... <|im_end|>), used by Qwen, Hermes and many fine-tunes",
         R"JINJA({%- for message in messages %}
    {{- '<|im_start|>' + message['role'] + '\n' + (message['content'] | default('', true) | string) + '<|im_end|>\n' }}
{%- endfor %}
{%- if add_generation_prompt %}
    {{- '<|im_start|>assistant\n' }}
{%- endif %}
)JINJA"},
        {"llama2", "Llama 2 chat ([INST] ... [/INST] with a <<SYS>> block in the first turn)",
         R"JINJA({%- if messages | length > 0 and messages[0]['role'] == 'system' %}
    {%- set system_message = '<<SYS>>\n' + messages[0]['content'] | trim + '\n<</SYS>>\n\n' %}
    {%- set messages = messages[1:] %}
{%- else %}
    {%- set system_message = '' %}
{%- endif %}
{%- for message in messages %}
    {%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}
        {{- raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}
    {%- endif %}
    {%- if loop.index0 == 0 %}
        {%- set content = system_message + message['content'] | trim %}
    {%- else %}
        {%- set content = message['content'] | trim %}
    {%- endif %}
    {%- if message['role'] == 'user' %}
        {{- bos_token + '[INST] ' + content + ' [/INST]' }}
    {%- elif message['role'] == 'assistant' %}
        {{- ' ' + content + ' ' + eos_token }}
    {%- endif %}
{%- endfor %}
)JINJA"},
        {"llama3", "Llama 3 (<|start_header_id|>role<|end_header_id|> ... <|eot_id|>)",
         R"JINJA({{- bos_token }}
{%- for message in messages %}
    {{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n' + message['content'] | trim + '<|eot_id|>' }}
{%- endfor %}
{%- if add_generation_prompt %}
    {{- '<|start_header_id|>assistant<|end_header_id|>\n\n' }}
{%- endif %}
)JINJA"},
        {"zephyr", "Zephyr / simple (<|role|> ... eos)",
         R"JINJA({%- for message in messages %}
    {{- '<|' + message['role'] + '|>\n' + (message['content'] | default('', true) | string) + eos_token + '\n' }}
{%- endfor %}
{%- if add_generation_prompt %}
    {{- '<|assistant|>\n' }}
{%- endif %}
)JINJA"},
    };
    return templates;
}

const BuiltinChatTemplate* findBuiltinChatTemplate(const std::string& name) {
    for (auto& t : builtinChatTemplates())
        if (t.name == name) return &t;
    return nullptr;
}

}  // namespace tb::chat
