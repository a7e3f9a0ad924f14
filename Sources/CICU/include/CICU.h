/* Umbrella header of the CICU module: list every header here. Naming them explicitly makes an added
   header change this file, which invalidates clang's module cache in incremental builds. */
#include "cicu_charset.h"
#include "cicu_text.h"
#include "cicu_fold.h"
#include "cicu_normalize.h"
#include "cicu_mojibake.h"
#include "cicu_width.h"
