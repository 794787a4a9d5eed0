# SPDX-License-Identifier: EUPL-1.2
"""The demo Netherlands: the test data every fresh deployment starts with."""
