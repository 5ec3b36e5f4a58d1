// Workspace encryption lives in core/workspace/workspace_crypto.h (the data, eval and registry areas all
// use it); this header keeps the old include path working.
#pragma once

#include "core/workspace/workspace_crypto.h"
