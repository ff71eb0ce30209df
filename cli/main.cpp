// trustlint's entry point (placeholder until the verbs land).
#include <cstdio>
int main() { std::puts("trustlint " TRUSTLINT_VERSION); return 0; }
