/** The keys of react-admin 5.15 that ra-language-russian 5.4 lacks (the pack is otherwise complete). */
export const raRuAdditions = {
  ra: {
    guesser: {
      empty: {
        title: 'Нет данных для отображения',
        message: 'Проверьте провайдер данных',
      },
    },
  },
};
