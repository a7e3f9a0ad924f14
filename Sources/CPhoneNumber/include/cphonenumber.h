#ifndef CPHONENUMBER_H
#define CPHONENUMBER_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/* Library version check used by the tests: returns 1 when libphonenumber is linked and answers. */
int32_t cphonenumber_available(void);

#ifdef __cplusplus
}
#endif
#endif
