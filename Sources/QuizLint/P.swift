public enum QuizLintPlaceholder {}
