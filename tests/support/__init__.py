"""Things every part of the suite shares: paths, the model id, the fake key, the built site."""
